package dev.xsrun.http;

import java.util.List;
import java.util.Objects;

/** A {@code --route FROM=TO} rule: a URL that starts with {@code from} is sent to {@code to} + the rest. */
public record Route(String from, String to) {
    public Route {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isEmpty()) {
            throw new IllegalArgumentException("a route needs a URL prefix before '='");
        }
    }

    /**
     * Parses {@code FROM=TO}. Both sides are URLs, which may themselves hold '=' in a query, so the split
     * is at the first '=' followed by {@code http://} or {@code https://}, else at the first '='.
     */
    public static Route parse(String spec) {
        int at = -1;
        String lower = spec.toLowerCase(java.util.Locale.ROOT);
        for (int i = spec.indexOf('='); i >= 0; i = spec.indexOf('=', i + 1)) {
            if (lower.startsWith("http://", i + 1) || lower.startsWith("https://", i + 1)) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            at = spec.indexOf('=');
        }
        if (at <= 0) {
            throw new IllegalArgumentException("expected FROM=TO, got: " + spec);
        }
        return new Route(spec.substring(0, at), spec.substring(at + 1));
    }

    /** The URL as the first of {@code routes} that applies rewrites it, or the URL itself. */
    public static String first(List<Route> routes, String url) {
        for (Route r : routes) {
            String to = r.apply(url);
            if (to != null) {
                return to;
            }
        }
        return url;
    }

    /** The rewritten URL, or null when this route does not apply. */
    public String apply(String url) {
        return url.startsWith(from) ? to + url.substring(from.length()) : null;
    }
}
