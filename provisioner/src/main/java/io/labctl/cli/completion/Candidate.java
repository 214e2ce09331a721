package io.labctl.cli.completion;

/**
 * One completion: the value the shell inserts and, for zsh and fish, a short description shown beside it
 * (empty when there is nothing to say).
 */
record Candidate(String value, String description) {
    /** Longer descriptions are cut at a word: zsh and fish show them beside the values, one line each. */
    static final int MAX_DESCRIPTION = 60;

    Candidate {
        description = shorten(description);
    }

    static Candidate of(String value) {
        return new Candidate(value, "");
    }

    /** The line the completion scripts read: the value, then a tab and the description when there is one. */
    String line() {
        return description.isEmpty() ? value : value + "\t" + description;
    }

    /** One line of plain text: a tab or a newline would split the script's line in two. */
    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.length() <= MAX_DESCRIPTION) {
            return line;
        }
        int cut = line.lastIndexOf(' ', MAX_DESCRIPTION - 3);
        return line.substring(0, cut > 0 ? cut : MAX_DESCRIPTION - 3).replaceAll("[,;:(]$", "") + "...";
    }
}
