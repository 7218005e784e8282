package dev.xsrun.diag;

import java.util.Collection;

/** "Did you mean ...?" for near-miss names, by edit distance (with transpositions). */
public final class Suggestions {
    private Suggestions() {
    }

    /** The closest candidate within a distance that scales with the name's length, or null. */
    public static String closest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int limit = Math.max(1, Math.min(3, name.length() / 3));
        String lower = name.toLowerCase();
        for (String c : candidates) {
            int d = c.equalsIgnoreCase(name) ? 0 : distance(lower, c.toLowerCase());
            if (d < bestDistance || (d == bestDistance && best != null && c.length() < best.length())) {
                bestDistance = d;
                best = c;
            }
        }
        return bestDistance <= limit ? best : null;
    }

    /** {@code ; did you mean `x`?} or "" when nothing is close. */
    public static String hint(String name, Collection<String> candidates) {
        String s = closest(name, candidates);
        return s == null ? "" : "; did you mean `" + s + "`?";
    }

    static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[n][m];
    }
}
