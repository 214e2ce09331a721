package io.labctl.grading.files;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
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
    private static final Pattern ATX_HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)[\\s#]*$");
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
            Matcher heading = ATX_HEADING.matcher(line);
            boolean fence = FENCE.matcher(line).find();
            boolean underline = SETEXT_UNDERLINE.matcher(line).matches();
            if (fenced || fence) {
                fenced ^= fence;
            } else if (heading.matches()) {
                flush(blocks, paragraph, start);
                blocks.add(new Block(i + 1, heading.group(1).length(), heading.group(2)));
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
