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
    private volatile List<String> forms = List.of();

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
            Set<String> all = new LinkedHashSet<>(forms);
            all.addAll(formsOf(secret));
            List<String> sorted = new ArrayList<>(all);
            // Longest first, so a secret that contains another one is masked as a whole.
            sorted.sort(Comparator.comparingInt(String::length).reversed());
            forms = List.copyOf(sorted);
        }
        return true;
    }

    /** True when nothing is registered. */
    public boolean isEmpty() {
        return forms.isEmpty();
    }

    /** Replaces every occurrence of every registered secret, in any of its known forms, with {@code ****}. */
    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String form : forms) {
            if (out.contains(form)) {
                out = out.replace(form, MASK);
            }
        }
        return out;
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
