package dev.xsrun.lsp;

import dev.xsrun.ast.CatalogueDocs;
import dev.xsrun.ast.StatementCatalogue;
import dev.xsrun.filters.FilterRegistry;
import dev.xsrun.filters.FilterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The language's statements and filters as the editor shows them: signatures written from the same
 * catalogue {@code check} validates against ({@link StatementCatalogue}, {@link FilterRegistry}), and the
 * descriptions and examples kept beside that catalogue.
 */
final class Catalogue {
    private final FilterRegistry filters;

    Catalogue(FilterRegistry filters) {
        this.filters = filters;
    }

    /** {@code |split:separator} with each parameter's type, required or default. */
    String filterSignature(String name) {
        FilterRegistry.Entry e = filters.lookup(name);
        if (e == null) {
            return null;
        }
        FilterSpec spec = e.spec();
        StringBuilder sb = new StringBuilder("|").append(name);
        for (FilterSpec.Param p : spec.params()) {
            sb.append(':').append(p.name());
            if (!p.required()) {
                sb.append('?');
            }
        }
        if (spec.variadic()) {
            sb.append("...");
        }
        return sb.toString();
    }

    /** One line per parameter: name, type, default. */
    List<String> filterParams(String name) {
        List<String> out = new ArrayList<>();
        FilterRegistry.Entry e = filters.lookup(name);
        if (e == null) {
            return out;
        }
        for (FilterSpec.Param p : e.spec().params()) {
            out.add(p.name() + ": " + p.type().description + (p.required() ? "" : ", optional"
                    + (p.defaultValue() == null || p.defaultValue().isNull() ? "" : ", default " + p.defaultValue())));
        }
        return out;
    }

    /** The canonical name of a filter or alias, or null. */
    String canonicalFilter(String name) {
        FilterRegistry.Entry e = filters.lookup(name);
        return e == null ? null : e.spec().name();
    }

    CatalogueDocs.Doc filterDoc(String name) {
        String canonical = canonicalFilter(name);
        CatalogueDocs.Doc d = canonical == null ? null : FilterRegistry.describe(canonical);
        return d != null ? d : FilterRegistry.describe(name);
    }

    /** Every filter name and alias a program may write. */
    TreeSet<String> filterNames() {
        return new TreeSet<>(filters.allNames());
    }

    /** {@code api.request { url = ..  method = .. } as $result}: the statement's shape in one line. */
    static String statementSignature(String name) {
        StatementCatalogue.Shape s = StatementCatalogue.lookup(name);
        if (s == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(name);
        switch (s.target()) {
            case VARIABLE -> sb.append(" $variable");
            case EXPRESSION -> sb.append(" (expression)");
            case NAME -> sb.append(" \"name\"");
            case ANY -> sb.append(" ...");
            default -> {
            }
        }
        if (s.condition()) {
            sb.append(" if (condition)");
        }
        List<String> inside = new ArrayList<>();
        if (s.attributes() != null) {
            for (String a : new TreeSet<>(s.attributes())) {
                inside.add(a + (s.requiredAttributes().contains(a) ? "" : "?") + " = ...");
            }
        }
        if (s.clauses() != null) {
            for (String c : s.clauses()) {
                inside.add(c + " { ... }");
            }
        }
        if (s.attributes() == null) {
            inside.add("...");
        }
        if (!inside.isEmpty()) {
            sb.append(" { ").append(String.join("  ", inside)).append(" }");
        }
        if (s.as()) {
            sb.append(" as $result");
        }
        return sb.toString();
    }

    static CatalogueDocs.Doc statementDoc(String name) {
        return StatementCatalogue.describe(name);
    }
}
