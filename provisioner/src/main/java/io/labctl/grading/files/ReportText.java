package io.labctl.grading.files;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A student's report (Markdown or plain text) as headings and paragraphs, to tell whether it answers a
 * question. A question is answered by a block that mentions one of its keywords (case-insensitive) and
 * has an answer under it:
 * <ul>
 *   <li>a heading: some paragraph before the next heading of the same or a higher level;</li>
 *   <li>a label, a one-line paragraph of a few words ("Two clusters:", "**Storage**"): the next block is
 *       a paragraph;</li>
 *   <li>any longer paragraph: itself.</li>
 * </ul>
 * Fenced code belongs to the paragraph around it ({@code # comments} in it are not headings).
 */
final class ReportText {
    private static final Pattern SETEXT_UNDERLINE = Pattern.compile("^\\s{0,3}(=+|-+)\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~)");
    private static final int LABEL_MAX_WORDS = 8;

    /**
     * A heading or a paragraph.
     *
     * @param line  where it starts (1-based)
     * @param level the heading level (1 for #), 0 for a paragraph
     * @param text  its text, lines joined with '\n'
     */
    record Block(int line, int level, String text) {
        boolean heading() {
            return level > 0;
        }
    }

    private final List<Block> blocks;

    private ReportText(List<Block> blocks) {
        this.blocks = blocks;
    }

    static ReportText parse(String text) {
        List<Block> blocks = new ArrayList<>();
        List<String> lines = text.lines().toList();
        StringBuilder paragraph = new StringBuilder();
        int start = 0;
        boolean fenced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Block heading = atxHeading(i + 1, line);
            boolean fence = FENCE.matcher(line).find();
            boolean underline = SETEXT_UNDERLINE.matcher(line).matches();
            if (fenced || fence) {
                fenced ^= fence;
            } else if (heading != null) {
                flush(blocks, paragraph, start);
                blocks.add(heading);
                continue;
            } else if (underline && !paragraph.isEmpty()) {
                blocks.add(new Block(start, line.strip().startsWith("=") ? 1 : 2, paragraph.toString().strip()));
                paragraph.setLength(0);
                continue;
            } else if (line.isBlank() || underline) {
                // a blank line ends a paragraph; an underline without one is a horizontal rule
                flush(blocks, paragraph, start);
                continue;
            }
            start = paragraph.isEmpty() ? i + 1 : start;
            paragraph.append(paragraph.isEmpty() ? "" : "\n").append(line);
        }
        flush(blocks, paragraph, start);
        return new ReportText(blocks);
    }

    /**
     * An ATX heading ({@code ## Title ##}): up to three blanks, one to six '#', at least one blank, the title
     * without the blanks and '#' at its end; null when the line is not one. A scan, not a regular expression: the
     * pattern this replaces ({@code .*?} before {@code [\s#]*$}) backtracked on a long line of blanks and '#' and
     * took minutes on 200 KB; this looks at each character at most twice.
     */
    static Block atxHeading(int lineNumber, String line) {
        int i = 0;
        while (i < line.length() && i < 3 && isBlank(line.charAt(i))) {
            i++;
        }
        int hashes = 0;
        while (i < line.length() && line.charAt(i) == '#') {
            hashes++;
            i++;
        }
        if (hashes < 1 || hashes > 6 || i == line.length() || !isBlank(line.charAt(i))) {
            return null;
        }
        while (i < line.length() && isBlank(line.charAt(i))) {
            i++;
        }
        int end = line.length();
        while (end > i && (isBlank(line.charAt(end - 1)) || line.charAt(end - 1) == '#')) {
            end--;
        }
        return new Block(lineNumber, hashes, line.substring(i, end));
    }

    /** What {@code \s} matches in a Java regular expression. */
    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static void flush(List<Block> blocks, StringBuilder paragraph, int start) {
        if (!paragraph.toString().isBlank()) {
            blocks.add(new Block(start, 0, paragraph.toString().strip()));
        }
        paragraph.setLength(0);
    }

    /** The first block that mentions a keyword and is answered, as the class comment defines it. */
    Optional<Block> answer(List<String> keywords) {
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (mentions(block, keywords) && answered(i)) {
                return Optional.of(block);
            }
        }
        return Optional.empty();
    }

    private boolean answered(int index) {
        Block block = blocks.get(index);
        if (block.heading()) {
            for (Block next : blocks.subList(index + 1, blocks.size())) {
                if (!next.heading()) {
                    return true;
                }
                if (next.level() <= block.level()) {
                    return false;
                }
            }
            return false;
        }
        boolean label = !block.text().contains("\n") && block.text().split("\\s+").length <= LABEL_MAX_WORDS;
        return !label || (index + 1 < blocks.size() && !blocks.get(index + 1).heading());
    }

    private static boolean mentions(Block block, List<String> keywords) {
        String text = block.text().toLowerCase(Locale.ROOT);
        return keywords.stream().anyMatch(k -> text.contains(k.toLowerCase(Locale.ROOT)));
    }
}
