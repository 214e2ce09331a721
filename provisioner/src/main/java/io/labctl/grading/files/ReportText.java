package io.labctl.grading.files;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A student's report (Markdown or plain text) as headings and paragraphs, to find the answer to a question and
 * judge it. The answer to a question is found in its section:
 * <ul>
 *   <li>under the heading that names it (mentions one of its keywords, shares the most words with its title): the
 *       paragraphs up to the next heading of the same or a higher level;</li>
 *   <li>without such a heading, the nearest paragraph that mentions a keyword: itself when it says more than a
 *       label, else the paragraph after a label ("Two clusters:", "**Storage**").</li>
 * </ul>
 * An answer counts only in whole sentences ({@link #hasSentence}): a bag of keywords or a bare command does not.
 * Fenced code belongs to the paragraph around it ({@code # comments} in it are not headings).
 */
final class ReportText {
    private static final Pattern SETEXT_UNDERLINE = Pattern.compile("^\\s{0,3}(=+|-+)\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~)");
    private static final int LABEL_MAX_WORDS = 8;
    private static final int SENTENCE_MIN_WORDS = 4;
    // A sentence ends at '.', '!' or '?' before a blank: "spark.yaml" and "3.5.7" go on.
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

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

    /**
     * An answer to one question: where the report answers it and the answer's own words.
     *
     * @param line  the line of the heading (or paragraph) the answer was found under
     * @param text  the answer, prose and code, lines joined with '\n'
     */
    record Answer(int line, String text) {
        /** The first lines of the answer, one line of at most {@code max} characters: what a reviewer reads first. */
        String quote(int max) {
            String prose = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !FENCE.matcher(l).find())
                    .collect(java.util.stream.Collectors.joining(" "));
            return prose.length() <= max ? prose : prose.substring(0, max - 3).stripTrailing() + "...";
        }
    }

    /**
     * Where the report answers a question, as the class comment defines it; empty when it does not. The question's
     * heading is the heading that mentions one of its words and shares the most words with its title (the first on a
     * tie); without one, the paragraph that mentions a keyword.
     */
    Optional<Answer> answer(String title, List<String> keywords) {
        int best = -1;
        int bestOverlap = -1;
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (block.heading() && mentions(block, keywords)) {
                int overlap = overlap(block.text(), title);
                if (overlap > bestOverlap) {
                    best = i;
                    bestOverlap = overlap;
                }
            }
        }
        if (best >= 0) {
            // The question's own heading decides: left empty, it is not answered by words elsewhere in the report.
            String answer = underHeading(best);
            return answer.isEmpty() ? Optional.empty() : Optional.of(new Answer(blocks.get(best).line(), answer));
        }
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (!block.heading() && mentions(block, keywords)) {
                boolean label = !block.text().contains("\n") && block.text().split("\\s+").length <= LABEL_MAX_WORDS;
                if (!label) {
                    return Optional.of(new Answer(block.line(), block.text()));
                }
                if (i + 1 < blocks.size() && !blocks.get(i + 1).heading()) {
                    return Optional.of(new Answer(block.line(), blocks.get(i + 1).text()));
                }
            }
        }
        return Optional.empty();
    }

    /** The paragraphs under a heading, up to the next heading of the same or a higher level (subsections included). */
    private String underHeading(int index) {
        Block heading = blocks.get(index);
        StringBuilder text = new StringBuilder();
        for (Block next : blocks.subList(index + 1, blocks.size())) {
            if (next.heading() && next.level() <= heading.level()) {
                break;
            }
            if (!next.heading()) {
                text.append(text.isEmpty() ? "" : "\n").append(next.text());
            }
        }
        return text.toString();
    }

    /**
     * Whether an answer says something in whole sentences: at least one sentence of {@link #SENTENCE_MIN_WORDS} or
     * more words ending in '.', '!' or '?', outside fenced code. A list of keywords or a bare command is not one.
     */
    static boolean hasSentence(String answer) {
        StringBuilder prose = new StringBuilder();
        boolean fenced = false;
        for (String line : answer.lines().toList()) {
            if (FENCE.matcher(line).find()) {
                fenced = !fenced;
                continue;
            }
            if (!fenced) {
                prose.append(' ').append(line.strip().replaceFirst("^([-*+]|\\d+[.)])\\s+", ""));
            }
        }
        for (String sentence : SENTENCE_END.split(prose.toString() + " ")) {
            if (sentence.endsWith(".") || sentence.endsWith("!") || sentence.endsWith("?")) {
                if (sentence.strip().split("\\s+").length >= SENTENCE_MIN_WORDS) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int overlap(String heading, String title) {
        java.util.Set<String> words = new java.util.HashSet<>(List.of(title.toLowerCase(Locale.ROOT).split("\\W+")));
        int n = 0;
        for (String w : heading.toLowerCase(Locale.ROOT).split("\\W+")) {
            if (w.length() > 2 && words.contains(w)) {
                n++;
            }
        }
        return n;
    }

    private static boolean mentions(Block block, List<String> keywords) {
        String text = block.text().toLowerCase(Locale.ROOT);
        return keywords.stream().anyMatch(k -> text.contains(k.toLowerCase(Locale.ROOT)));
    }
}
