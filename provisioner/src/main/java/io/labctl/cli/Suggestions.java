package io.labctl.cli;

import java.util.Comparator;
import java.util.List;

/**
 * "Did you mean ...?" for a mistyped command or option: the known words closest to the typed one by edit distance,
 * counting a swap of two neighbouring letters as one edit (sprak → spark), as kubectl's suggestions do.
 */
final class Suggestions {
    /** At most this many suggestions; more is a list, not a hint. */
    private static final int MAX = 3;

    private Suggestions() {
    }

    /** The closest candidates within a third of the typed word's length (at least 2 edits), best first. */
    static List<String> closest(String typed, List<String> candidates) {
        int limit = Math.max(2, typed.length() / 3);
        List<String> within = candidates.stream().distinct().filter(c -> distance(typed, c) <= limit).toList();
        int best = within.stream().mapToInt(c -> distance(typed, c)).min().orElse(Integer.MAX_VALUE);
        return within.stream().filter(c -> distance(typed, c) == best)
                .sorted(Comparator.naturalOrder()).limit(MAX).toList();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
