package io.labctl.grading.report;

import io.labctl.grading.checks.CheckStatus;

/**
 * Marks for people reading a report, the same in the terminal and in Markdown: one character each where the
 * output is UTF-8, else ASCII words. A terminal without a UTF-8 locale would show every one of the characters as the
 * same '?', passed and not gradable alike.
 */
public enum StatusMarks {
    UNICODE, ASCII;

    /** The widest ASCII word: text reports pad to it so that the ids stay in one column. */
    private static final int ASCII_WIDTH = 4;

    /** UNICODE when the locale ({@code LC_ALL}, else {@code LC_CTYPE}, else {@code LANG}) says UTF-8, as C programs read it. */
    public static StatusMarks forLocale(java.util.Map<String, String> env) {
        String locale = firstSet(env, "LC_ALL", "LC_CTYPE", "LANG");
        return locale != null && locale.toLowerCase(java.util.Locale.ROOT).matches(".*\\.utf-?8(@.*)?") ? UNICODE : ASCII;
    }

    String mark(CheckStatus status) {
        return this == UNICODE ? symbol(status) : String.format("%-" + ASCII_WIDTH + "s", word(status));
    }

    private static String symbol(CheckStatus status) {
        return switch (status) {
            case PASSED -> "✔";
            case PARTIAL -> "½";
            case FAILED -> "✘";
            // Not the student's fault: a person must look, so it stands out from a plain failure.
            case ERROR -> "!";
            case SKIPPED -> "–";
            case NOT_GRADABLE -> "?";
            case PENDING -> "…";
        };
    }

    private static String word(CheckStatus status) {
        return switch (status) {
            case PASSED -> "PASS";
            case PARTIAL -> "PART";
            case FAILED -> "FAIL";
            case ERROR -> "ERR!";
            case SKIPPED -> "SKIP";
            case NOT_GRADABLE -> "N/A";
            case PENDING -> "WAIT";
        };
    }

    private static String firstSet(java.util.Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }
}
