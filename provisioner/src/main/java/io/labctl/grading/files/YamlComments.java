package io.labctl.grading.files;

/**
 * Comment lines of a YAML file: lines whose first non-blank character is {@code #}, and lines with a trailing
 * {@code  # ...} outside quoted strings (best effort: a {@code #} inside a block scalar counts too). How the commented
 * copy the lab asks for is told from the YAML that was applied.
 */
final class YamlComments {
    private YamlComments() {
    }

    static int lines(String text) {
        return (int) text.lines().filter(YamlComments::hasComment).count();
    }

    /**
     * A {@code #} at the start of the line or after a blank, outside quotes. A quote opens a string only
     * where a YAML value can start (after a blank or a bracket that follows ":", "-", "[", "{", "," or the
     * line start); elsewhere it is a character of a plain value ({@code it's}).
     */
    static boolean hasComment(String line) {
        char quote = 0;
        char previous = ' ';
        char lastNonBlank = ':';
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                boolean escaped = quote == '"' ? c == '\\' : c == '\'' && line.startsWith("''", i);
                if (escaped) {
                    i++; // \" inside "...", '' inside '...'
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '#' && Character.isWhitespace(previous)) {
                return true;
            } else if ((c == '\'' || c == '"') && ":-[{,".indexOf(lastNonBlank) >= 0
                    && (Character.isWhitespace(previous) || "[{,".indexOf(previous) >= 0)) {
                quote = c;
            }
            previous = c;
            if (!Character.isWhitespace(c)) {
                lastNonBlank = c;
            }
        }
        return false;
    }
}
