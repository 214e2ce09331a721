package io.labctl.grading.files;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** "Did you mean spark-master?": the known name closest to a misspelt one, by edit distance. */
final class Suggestions {
    private Suggestions() {
    }

    /** The closest of {@code known} to {@code name}, when it is close enough to be a typo (a third of its length). */
    static Optional<String> closest(String name, List<String> known) {
        int allowed = Math.max(2, name.length() / 3);
        return known.stream().filter(k -> !k.equals(name))
                .map(k -> new Object[] {k, distance(name, k)})
                .filter(p -> (int) p[1] <= allowed)
                .min(Comparator.comparingInt(p -> (int) p[1]))
                .map(p -> (String) p[0]);
    }

    /** Levenshtein distance (insert, delete, replace), in two rows. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
