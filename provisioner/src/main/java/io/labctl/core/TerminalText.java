package io.labctl.core;

/**
 * Text from outside labctl (a student's file names, a pod's log, a lab file) made safe to show on a terminal
 * or in a file a person will {@code cat}: control characters are shown, never sent. An escape sequence in a
 * file name could otherwise recolor, retitle or rewrite the instructor's screen, or hide a line of a report.
 */
public final class TerminalText {
    private TerminalText() {
    }

    /**
     * Line feeds and tabs stay; other C0 controls become caret notation ({@code ^[} for ESC), DEL {@code ^?};
     * C1 controls and the bidirectional overrides (which reorder what a reader sees) become U+FFFD.
     */
    public static String visible(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder shown = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = replacement(c);
            if (replacement != null && shown == null) {
                shown = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (shown != null) {
                if (replacement != null) {
                    shown.append(replacement);
                } else {
                    shown.append(c);
                }
            }
        }
        return shown == null ? text : shown.toString();
    }

    /** {@link #visible} with line breaks shown as well: for one-line messages ({@code error: ...}). */
    public static String oneLine(String text) {
        return text == null ? null : visible(text.replace("\r\n", "\n").replace('\n', ' ').replace('\r', ' '));
    }

    private static String replacement(char c) {
        if (c == '\n' || c == '\t') {
            return null;
        }
        if (c < 0x20) {
            return "^" + (char) (c + '@');
        }
        if (c == 0x7f) {
            return "^?";
        }
        if ((c >= 0x80 && c <= 0x9f) || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')) {
            return "\uFFFD";
        }
        return null;
    }
}
