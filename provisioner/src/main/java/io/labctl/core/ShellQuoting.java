package io.labctl.core;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Commands printed for people to copy ({@code $ labctl spark deploy ...}) quoted the way a POSIX shell reads
 * them back: a value with a space, a quote or a {@code ;} in it (a lab variable given with --set) must not turn
 * into two arguments or a second command when pasted.
 */
public final class ShellQuoting {
    // Characters no POSIX shell treats specially anywhere in a word.
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellQuoting() {
    }

    /** One word: unchanged when plain, else in single quotes ({@code '} itself as {@code '\''}). */
    public static String quote(String word) {
        if (PLAIN.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** The words quoted and joined with spaces; control characters shown ({@link TerminalText#visible}). */
    public static String command(List<String> words) {
        StringBuilder command = new StringBuilder();
        for (String word : words) {
            command.append(command.isEmpty() ? "" : " ").append(quote(word));
        }
        return TerminalText.visible(command.toString());
    }
}
