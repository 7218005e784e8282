package dev.xsrun.filters;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Every filter by name, with its signature; aliases resolve to their target's entry. */
public final class FilterRegistry {
    /** A registered filter: its signature and body. */
    public record Entry(FilterSpec spec, Filter body) {
    }

    private final Map<String, Entry> entries = new TreeMap<>();
    private final Map<String, String> aliases = new TreeMap<>();
    private final Map<String, String> dbOnly = new TreeMap<>();

    private static volatile FilterRegistry standard;

    /** Whether the families of {@link StandardFilters} are loaded into this registry as they are needed. */
    private final boolean standardFamilies;
    /** How many of those are loaded, in their order. */
    private int familiesLoaded;

    /** An empty registry, filled by {@link #register}, {@link #alias} and {@link #dbOnly}. */
    public FilterRegistry() {
        this(false);
    }

    private FilterRegistry(boolean standardFamilies) {
        this.standardFamilies = standardFamilies;
    }

    /**
     * The registry of every filter of the language. Its families are registered when first needed, in
     * their fixed order, until a name looked up is found (every one of them for a name that is not
     * there, and for the lists of names): building them all costs about a tenth of a second of start-up,
     * which a run whose job uses no filter, or only a few, need not pay.
     */
    public static FilterRegistry standard() {
        FilterRegistry r = standard;
        if (r == null) {
            synchronized (FilterRegistry.class) {
                r = standard;
                if (r == null) {
                    r = new FilterRegistry(true);
                    standard = r;
                }
            }
        }
        return r;
    }

    /** Registers every family not registered yet (for a caller about to use them all); returns this. */
    public synchronized FilterRegistry complete() {
        while (loadNextFamily()) {
            // next
        }
        return this;
    }

    private boolean loadNextFamily() {
        if (!standardFamilies || familiesLoaded >= StandardFilters.FAMILIES) {
            return false;
        }
        StandardFilters.register(this, familiesLoaded++);
        return true;
    }

    public synchronized void register(FilterSpec spec, Filter body) {
        String name = spec.name();
        if (entries.containsKey(name) || aliases.containsKey(name)) {
            throw new IllegalStateException("filter registered twice: " + name);
        }
        entries.put(name, new Entry(spec, body));
    }

    /** A deprecated or engine spelling that means the same as {@code target}. */
    public synchronized void alias(String alias, String target) {
        if (entries.containsKey(alias) || aliases.containsKey(alias)) {
            throw new IllegalStateException("filter registered twice: " + alias);
        }
        if (!entries.containsKey(target)) {
            throw new IllegalStateException("alias " + alias + " names unknown filter " + target);
        }
        aliases.put(alias, target);
    }

    /** A name valid only inside database queries; using it elsewhere is an error with this explanation. */
    public synchronized void dbOnly(String name) {
        dbOnly.put(name, name);
    }

    /** The entry for a name or alias, or null. */
    public synchronized Entry lookup(String name) {
        Entry e = find(name);
        while (e == null && loadNextFamily()) {
            e = find(name);
        }
        return e;
    }

    private Entry find(String name) {
        Entry e = entries.get(name);
        if (e == null) {
            String target = aliases.get(name);
            if (target != null) {
                e = entries.get(target);
            }
        }
        return e;
    }

    public synchronized boolean isDbOnly(String name) {
        if (lookup(name) != null) {
            return false; // an expression filter of that name: the families after its own need not be loaded
        }
        complete();
        return dbOnly.containsKey(name);
    }

    /** Canonical names (no aliases). */
    public synchronized Set<String> names() {
        complete();
        return Collections.unmodifiableSet(entries.keySet());
    }

    public synchronized Map<String, String> aliases() {
        complete();
        return Collections.unmodifiableMap(aliases);
    }

    /** The view of this registry the syntax checker uses to validate filter names and arities. */
    public dev.xsrun.ast.FilterCatalog catalog() {
        return new dev.xsrun.ast.FilterCatalog() {
            public boolean isKnown(String name) {
                return lookup(name) != null;
            }

            public boolean isDbOnly(String name) {
                return FilterRegistry.this.isDbOnly(name);
            }

            public String arityProblem(String name, int count) {
                Entry e = lookup(name);
                return e == null ? null : FilterBinder.checkArity(e.spec(), count);
            }

            public java.util.Collection<String> names() {
                return allNames();
            }

            public java.util.Collection<String> dbOnlyNames() {
                return FilterRegistry.this.dbOnlyNames();
            }
        };
    }

    private static volatile dev.xsrun.ast.CatalogueDocs docs;

    /** The one-line description and example of a filter (by canonical name), or null when none is written yet. */
    public static dev.xsrun.ast.CatalogueDocs.Doc describe(String name) {
        return descriptions().lookup(name);
    }

    /** The descriptions of filters, from {@code filters.tsv} beside this class. */
    public static dev.xsrun.ast.CatalogueDocs descriptions() {
        dev.xsrun.ast.CatalogueDocs d = docs;
        if (d == null) {
            d = dev.xsrun.ast.CatalogueDocs.load(FilterRegistry.class, "filters.tsv");
            docs = d;
        }
        return d;
    }

    /** Names registered with {@link #dbOnly} that no expression filter implements. */
    public synchronized Set<String> dbOnlyNames() {
        complete();
        Set<String> out = new TreeSet<>();
        for (String n : dbOnly.keySet()) {
            if (lookup(n) == null) {
                out.add(n);
            }
        }
        return out;
    }

    /** Every name a program may write: filters and aliases. */
    public synchronized Set<String> allNames() {
        complete();
        Set<String> all = new TreeSet<>(entries.keySet());
        all.addAll(aliases.keySet());
        return all;
    }
}
