package io.labctl.grading.files;

import io.labctl.grading.checks.Check;
import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckParams;
import io.labctl.grading.checks.CheckStatus;
import io.labctl.grading.checks.GradingContext;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code report-sections}: the report answers the lab's questions. The report is the first file matching
 * one of {@code files} (globs, case-insensitive, tried in order; default report.md, report.txt, README.md,
 * *.md; a glob without '/' matches the file name in any folder, the shallowest first). Each of
 * {@code sections} ({title, keywords}; keywords default to the title) is one part, answered as
 * {@link ReportText} defines it: in its own section, in whole sentences. Every answer is quoted (its first lines) in
 * what the check observed, so the instructor reviews it from any report format; with {@code review: manual} in the
 * lab the points wait for that review. A report only in PDF or a word processor's format is an ERROR, not a
 * zero: a person has to read it, or ask the student for text.
 */
public final class ReportSectionsCheck implements Check {
    private static final List<String> DEFAULT_FILES = List.of("report.md", "report.txt", "README.md", "*.md");
    private static final List<String> NOT_TEXT = List.of(".pdf", ".docx", ".doc", ".odt", ".pages", ".rtf");
    private static final Set<String> SECTION_KEYS = Set.of("title", "keywords");
    /** A few lines of an answer: enough to review it from the report, short enough for a table cell. */
    private static final int QUOTE_CHARS = 120;

    /** One question of the lab and the words an answer to it mentions. */
    private record Section(String title, List<String> keywords) {
    }

    private final List<String> files;
    private final List<Section> sections = new ArrayList<>();

    public ReportSectionsCheck(CheckParams params) {
        this.files = params.strings("files", DEFAULT_FILES);
        List<Map<String, Object>> given = params.maps("sections", List.of());
        params.requireNoUnknown();
        if (files.isEmpty()) {
            throw params.invalid("files", "must name at least one file or glob");
        }
        if (given.isEmpty()) {
            throw params.invalid("sections", "is required: a list of {title: ..., keywords: [...]}");
        }
        for (int i = 0; i < given.size(); i++) {
            sections.add(section(params, "sections[" + i + "]", given.get(i)));
        }
    }

    private static Section section(CheckParams params, String key, Map<String, Object> section) {
        for (String k : section.keySet()) {
            if (!SECTION_KEYS.contains(k)) {
                throw params.invalid(key, "has an unknown key '" + k + "' (known: title, keywords)");
            }
        }
        Object title = section.get("title");
        if (title == null || title instanceof Map || title instanceof List || title.toString().isBlank()) {
            throw params.invalid(key + ".title", "is required (one line of text)");
        }
        Object keywords = section.getOrDefault("keywords", title);
        if (keywords instanceof Map) {
            throw params.invalid(key + ".keywords", "must be a list of words, not a map");
        }
        List<String> words = keywords instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : List.of(keywords.toString());
        if (words.isEmpty() || words.stream().anyMatch(String::isBlank)) {
            throw params.invalid(key + ".keywords", "must list non-empty words");
        }
        return new Section(title.toString(), words);
    }

    @Override
    public CheckOutcome evaluate(GradingContext context) {
        Submission submission = Submission.of(context);
        Optional<String> report = report(submission);
        if (report.isEmpty()) {
            Optional<String> unreadable = submission.files().stream()
                    .filter(f -> NOT_TEXT.stream().anyMatch(f.toLowerCase(Locale.ROOT)::endsWith)).findFirst();
            // Said to the student, who reads the report: what to hand in instead. Still an ERROR, not a zero: a
            // person may grade the PDF.
            return unreadable.map(f -> new CheckOutcome(CheckStatus.ERROR, 0, f + " is not text, so the grader cannot"
                            + " read your answers", "submit your report as report.md (Markdown, plain text) next to " + f
                            + "; the grader reads text only"))
                    .orElseGet(() -> CheckOutcome.fail("no report (looked for " + String.join(", ", files) + ")",
                            "write the answers to the lab's questions in report.md"));
        }
        // A refused or oversized report throws here: the grader makes it this check's ERROR, naming the file.
        Optional<String> text = submission.text(report.get());
        if (text.isEmpty()) {
            return CheckOutcome.error(report.get() + " is not text (binary content, or an encoding other than UTF-8"
                    + " or UTF-16); a person has to grade it");
        }
        ReportText reportText = ReportText.parse(text.get());
        List<String> answered = new ArrayList<>();
        List<String> notSentences = new ArrayList<>();
        List<Section> unanswered = new ArrayList<>();
        List<String> hints = new ArrayList<>();
        for (Section section : sections) {
            Optional<ReportText.Answer> answer = reportText.answer(section.title(), section.keywords());
            if (answer.isEmpty()) {
                unanswered.add(section);
            } else if (!ReportText.hasSentence(answer.get().text())) {
                notSentences.add(quoted(section, answer.get()));
                hints.add("answer " + section.title() + " (line " + answer.get().line() + ") in whole sentences: say"
                        + " what you did and why, not only the commands or keywords");
            } else {
                answered.add(quoted(section, answer.get()));
            }
        }
        String observed = report.get() + ": answered " + (answered.isEmpty() ? "none" : String.join(", ", answered))
                + (notSentences.isEmpty() ? "" : "; not in whole sentences: " + String.join(", ", notSentences))
                + (unanswered.isEmpty() ? "" : "; missing " + unanswered.stream().map(Section::title)
                        .collect(Collectors.joining(", ")));
        if (!unanswered.isEmpty()) {
            hints.add(report.get() + " does not answer: " + unanswered.stream()
                    .map(s -> s.title() + " (looked for a heading or paragraph with " + String.join(", ", s.keywords())
                            + ", followed by an answer)")
                    .collect(Collectors.joining("; ")));
        }
        return CheckOutcome.parts(answered.size(), sections.size(), observed,
                hints.isEmpty() ? null : String.join("; ", hints)).quoting();
    }

    /** "Storage (line 42: \"Pods lose their files when they restart: ...\")": the answer, for a person to review. */
    private static String quoted(Section section, ReportText.Answer answer) {
        return section.title() + " (line " + answer.line() + ": \"" + answer.quote(QUOTE_CHARS) + "\")";
    }

    /**
     * The first file matching the globs in order; for one glob, the shallowest path first. Refused files (a link
     * named report.md) are candidates too, so that the one the student meant is named in an ERROR rather than
     * another file graded in its place.
     */
    private Optional<String> report(Submission submission) {
        List<String> candidates = new ArrayList<>(submission.files());
        candidates.addAll(submission.refused().keySet());
        for (String glob : files) {
            String pattern = glob.toLowerCase(Locale.ROOT);
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            Optional<String> match = candidates.stream()
                    .filter(f -> matcher.matches(Path.of(pattern.contains("/") ? f.toLowerCase(Locale.ROOT)
                            : f.substring(f.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT))))
                    .min(Comparator.comparingLong((String f) -> f.chars().filter(c -> c == '/').count())
                            .thenComparing(Comparator.naturalOrder()));
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }
}
