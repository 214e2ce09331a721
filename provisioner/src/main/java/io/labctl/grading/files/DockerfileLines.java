package io.labctl.grading.files;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Dockerfile's text into its instructions' text, each with the line it starts on. Lines continued
 * with {@code \} are joined; comment lines (and parser directives, which are comments to this reader) are
 * dropped, even inside a continued instruction, as Docker does; a heredoc ({@code RUN <<EOF}) takes the
 * lines up to its delimiter, comments included, since they are part of the script.
 */
final class DockerfileLines {
    // <<EOF, <<-EOF, <<"EOF"; not the shell's here-string <<<.
    private static final Pattern HEREDOC = Pattern.compile("(?<!<)<<(?!<)(-?)\\s*[\"']?([A-Za-z_][A-Za-z0-9_]*)[\"']?");
    private static final Set<String> HEREDOC_KEYWORDS = Set.of("RUN", "COPY", "ADD");

    /** One instruction's text, continuation lines joined, and the line (1-based) it starts on. */
    record Logical(int line, String text) {
    }

    private DockerfileLines() {
    }

    static List<Logical> read(String text) {
        List<String> lines = text.lines().toList();
        List<Logical> logical = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).stripTrailing();
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (current.isEmpty()) {
                start = i + 1;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            i = heredoc(current, lines, i);
            logical.add(new Logical(start, current.toString().strip()));
            current.setLength(0);
        }
        if (!current.isEmpty()) {
            logical.add(new Logical(start, current.toString().strip()));
        }
        return logical;
    }

    /** Appends a heredoc's body to the instruction; returns the index of the last line it used. */
    private static int heredoc(StringBuilder instruction, List<String> lines, int last) {
        String keyword = instruction.toString().strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        Matcher m = HEREDOC.matcher(instruction);
        if (!HEREDOC_KEYWORDS.contains(keyword) || !m.find()) {
            return last;
        }
        boolean tabsStripped = !m.group(1).isEmpty();
        String delimiter = m.group(2);
        int i = last + 1;
        for (; i < lines.size(); i++) {
            String body = tabsStripped ? lines.get(i).strip() : lines.get(i);
            if (body.equals(delimiter)) {
                break;
            }
            instruction.append('\n').append(lines.get(i));
        }
        return Math.min(i, lines.size() - 1);
    }
}
