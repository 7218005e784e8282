package dev.xsrun.value;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The registry of secret strings (environment values, sensitive inputs, write keys) that must never
 * reach any output, and the masking that removes them, plain or in the encoded forms they travel in.
 *
 * <p>Besides the plain text, each secret is masked in base64 (standard and URL-safe, with and
 * without padding), in base64 of {@code secret + ":"} (HTTP Basic with the secret as user name and an
 * empty password, as Segment uses), in URL-encoded form and in JSON-escaped form. Base64 of
 * {@code user:secret} with an unknown user cannot be recognised; callers that build such a header
 * should register the whole header value as well.
 *
 * <p>Secrets shorter than {@link #MIN_LENGTH} characters are ignored: masking every "1", "on" or
 * "abc" in all output would garble logs and results while protecting nothing a guess could not find.
 *
 * <p>Thread-safe: adding publishes a new immutable list of forms; masking reads a snapshot.
 */
public final class Secrets {
    /** Secrets shorter than this are not masked (see the class comment). */
    public static final int MIN_LENGTH = 4;
    public static final String MASK = "****";

    private final Set<String> secrets = new LinkedHashSet<>();
    private volatile Forms forms = Forms.NONE;

    /**
     * Null for the run's registry; else the registry a line's scope or a thread's view masks on top of
     * (see {@link #scope} and {@link #view}). Secrets added to either go to it.
     */
    private final Secrets parent;
    /** A scope's own forms (its line's values); null for a view or the run's registry. */
    private final Forms own;
    /** A scope: the parent's forms it last merged with, and the result. */
    private volatile Forms[] merged;
    /** A view: the scope it masks with now, or null for its parent alone. */
    private volatile Secrets pointed;

    /** The run's registry: empty, filled by {@link #add}. */
    public Secrets() {
        this(null, null);
    }

    private Secrets(Secrets parent, Forms own) {
        this.parent = parent;
        this.own = own;
    }

    /**
     * What one batch line masks: everything this registry masks, now and as it grows, and the line's
     * own secret values (its sensitive inputs), which other lines neither mask nor keep. This registry
     * itself when no value is long enough to be masked.
     */
    public Secrets scope(Collection<String> lineValues) {
        Set<String> all = new LinkedHashSet<>();
        for (String v : lineValues) {
            if (v != null && v.length() >= MIN_LENGTH) {
                all.addAll(formsOf(v));
            }
        }
        if (all.isEmpty()) {
            return this;
        }
        return new Secrets(this, Forms.of(longestFirst(all)));
    }

    /**
     * A registry for one thread that runs lines one after another: it masks what this registry masks,
     * and the scope it is {@link #point pointed} at (the line the thread is running).
     */
    public Secrets view() {
        return new Secrets(this, null);
    }

    /** Points a {@link #view} at the scope of the line its thread runs now (null: none). */
    public void point(Secrets scope) {
        if (parent == null || own != null) {
            throw new IllegalStateException("only a view is pointed at a scope");
        }
        pointed = scope;
    }

    /**
     * Every form to mask, longest first, and which pairs of characters can start one: a snapshot, never
     * changed. A pair is hashed into one of {@link #PAIR_BITS} bits; a set bit only means "compare the
     * forms here". Characters are taken as {@link #scanBytes} gives them.
     */
    private record Forms(List<String> all, long[] pairs) {
        static final Forms NONE = new Forms(List.of(), new long[PAIR_BITS / 64]);

        static Forms of(List<String> sorted) {
            long[] pairs = new long[PAIR_BITS / 64];
            for (String form : sorted) {
                byte[] b = scanBytes(form);
                int h = pair(b[0], b[1]);
                pairs[h >>> 6] |= 1L << h;
            }
            return new Forms(List.copyOf(sorted), pairs);
        }

        static int pair(byte first, byte second) {
            return ((first & 0xff) * 31 + (second & 0xff)) & (PAIR_BITS - 1);
        }
    }

    /**
     * A text's characters one byte each, as ISO-8859-1 gives them: a plain copy for the common text
     * whose characters all fit a byte (no per-character call, unlike String.charAt in the quick
     * compiler's code), {@code ?} for any other character. Where the result is not one byte per char
     * (a surrogate pair becomes one {@code ?}), the scan must not use it.
     */
    private static byte[] scanBytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static final int PAIR_BITS = 4096;

    /**
     * Registers a secret. Null, empty and too-short values are ignored.
     *
     * @return true when the value is (now or already) masked
     */
    public boolean add(String secret) {
        if (parent != null) {
            return parent.add(secret); // a secret met during a line's run is the whole run's
        }
        if (secret == null || secret.length() < MIN_LENGTH) {
            return false;
        }
        synchronized (this) {
            if (!secrets.add(secret)) {
                return true;
            }
            Set<String> all = new LinkedHashSet<>(forms.all());
            all.addAll(formsOf(secret));
            forms = Forms.of(longestFirst(all));
        }
        return true;
    }

    /** Longest first, so a secret that contains another one is masked as a whole. */
    private static List<String> longestFirst(Set<String> forms) {
        List<String> sorted = new ArrayList<>(forms);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return sorted;
    }

    /** What this registry masks now. */
    private Forms effective() {
        if (parent == null) {
            return forms;
        }
        if (own == null) {
            Secrets p = pointed;
            return p != null ? p.effective() : parent.effective();
        }
        Forms base = parent.effective();
        Forms[] m = merged;
        if (m == null || m[0] != base) {
            Set<String> all = new LinkedHashSet<>(base.all());
            all.addAll(own.all());
            m = new Forms[] {base, Forms.of(longestFirst(all))};
            merged = m;
        }
        return m[1];
    }

    /** Every form masked, longest first (for tests). */
    List<String> forms() {
        return effective().all();
    }

    /** True when nothing is registered. */
    public boolean isEmpty() {
        return effective().all().isEmpty();
    }

    /** Replaces every occurrence of every registered secret, in any of its known forms, with {@code ****}. */
    public String mask(String text) {
        Forms f = effective();
        if (text == null || text.isEmpty() || f.all().isEmpty()) {
            return text;
        }
        // One pass over the text: where the pair of characters there can start a form, the longest
        // form found is masked and the scan goes on after it. Batch mode masks every output line, so
        // this is hot: a scan per form would read each line a dozen times.
        byte[] b = scanBytes(text);
        boolean aligned = b.length == text.length();
        long[] pairs = f.pairs();
        List<String> all = f.all();
        int n = text.length();
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i + MIN_LENGTH <= n; i++) {
            if (aligned) {
                int h = Forms.pair(b[i], b[i + 1]);
                if ((pairs[h >>> 6] & (1L << h)) == 0) {
                    continue;
                }
            }
            for (String form : all) {
                if (text.startsWith(form, i)) {
                    if (out == null) {
                        out = new StringBuilder(n);
                    }
                    out.append(text, copied, i).append(MASK);
                    i += form.length() - 1;
                    copied = i + 1;
                    break;
                }
            }
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, n).toString();
    }

    private static Set<String> formsOf(String secret) {
        Set<String> f = new LinkedHashSet<>();
        f.add(secret);
        for (String raw : new String[] {secret, secret + ":"}) {
            byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
            f.add(Base64.getEncoder().encodeToString(bytes));
            f.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
            f.add(Base64.getUrlEncoder().encodeToString(bytes));
            f.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        f.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        String json = Json.quote(secret);
        f.add(json.substring(1, json.length() - 1));
        f.removeIf(s -> s.length() < MIN_LENGTH);
        return f;
    }
}
