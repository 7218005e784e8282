package dev.xsrun.runtime;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
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
     * Every form to mask, longest first, and which ASCII characters can start one (any other character
     * can when {@code nonAscii} is set): a snapshot, never changed.
     */
    private record Forms(List<String> all, boolean[] asciiStarts, boolean nonAscii) {
        static final Forms NONE = new Forms(List.of(), new boolean[128], false);

        static Forms of(List<String> sorted) {
            boolean[] ascii = new boolean[128];
            boolean other = false;
            for (String f : sorted) {
                char c = f.charAt(0);
                if (c < 128) {
                    ascii[c] = true;
                } else {
                    other = true;
                }
            }
            return new Forms(List.copyOf(sorted), ascii, other);
        }

        boolean mayStart(char c) {
            return c < 128 ? asciiStarts[c] : nonAscii;
        }
    }

    /**
     * Registers a secret. Null, empty and too-short values are ignored.
     *
     * @return true when the value is (now or already) masked
     */
    public boolean add(String secret) {
        if (secret == null || secret.length() < MIN_LENGTH) {
            return false;
        }
        synchronized (this) {
            if (!secrets.add(secret)) {
                return true;
            }
            Set<String> all = new LinkedHashSet<>(forms.all());
            all.addAll(formsOf(secret));
            List<String> sorted = new ArrayList<>(all);
            // Longest first, so a secret that contains another one is masked as a whole.
            sorted.sort(Comparator.comparingInt(String::length).reversed());
            forms = Forms.of(sorted);
        }
        return true;
    }

    /** True when nothing is registered. */
    public boolean isEmpty() {
        return forms.all().isEmpty();
    }

    /** Replaces every occurrence of every registered secret, in any of its known forms, with {@code ****}. */
    public String mask(String text) {
        Forms f = forms;
        if (text == null || text.isEmpty() || f.all().isEmpty()) {
            return text;
        }
        // One pass over the text: at each character that can start a form, the longest form found
        // there is masked and the scan goes on after it. Batch mode masks every output line, so this
        // is hot; a scan per form would read each line a dozen times.
        StringBuilder out = null;
        int copied = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (!f.mayStart(text.charAt(i))) {
                continue;
            }
            for (String form : f.all()) {
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
