package io.labctl.grading.report;

import io.labctl.grading.CheckResult;
import io.labctl.grading.checks.CheckStatus;
import io.labctl.grading.Fingerprint;
import io.labctl.grading.GradeReport;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A report for people (a course forum, an issue, an e-mail), in GitHub-flavoured Markdown: the lab title, a
 * summary line (score, status counts; "NOT GRADABLE: reason" in a quote when part of the work could not be
 * graded), a table with one row per check ({@code | # | Check | Status | Points |}, # being the
 * "exercise.check" number), a section per check that did not pass with what the grader saw (verbatim, in a code
 * block) and the hint, and a "Fingerprint" section (cluster UID, API server, context, nodes, and the submitted
 * files with their SHA-256 in a table).
 *
 * <p>Report text is escaped wherever it lands in Markdown, so a {@code |} in a title cannot split a table cell
 * and {@code <b>} in a pod name stays text.
 */
public final class MarkdownReportWriter implements ReportWriter {
    private final StatusMarks marks;

    /** UTF-8 marks: for files, which labctl writes in UTF-8. */
    public MarkdownReportWriter() {
        this(StatusMarks.UNICODE);
    }

    /** For a terminal: {@link StatusMarks#forLocale} of its locale; ASCII leaves the status's word alone. */
    public MarkdownReportWriter(StatusMarks marks) {
        this.marks = marks;
    }


    @Override
    public void write(GradeReport report, Writer out) throws IOException {
        out.write("# " + MarkdownText.inline(report.labTitle()) + "\n\n");
        if (report.student() != null) {
            out.write("**Student:** " + MarkdownText.inline(report.student()) + "  \n");
        }
        out.write("**Score: " + Summary.score(report) + "** (" + Summary.counts(report) + "), lab "
                + MarkdownText.inline(report.lab()) + "\n\n");
        if (!report.gradable()) {
            out.write("> **NOT GRADABLE:** " + MarkdownText.inline(report.notGradable()) + "\n\n");
        }
        List<String> numbers = Exercises.numbers(report.checks());
        table(report.checks(), numbers, out);
        failures(report.checks(), numbers, out);
        fingerprint(report.fingerprint(), out);
        out.flush();
    }

    private void table(List<CheckResult> checks, List<String> numbers, Writer out) throws IOException {
        out.write("| # | Check | Status | Points |\n");
        out.write("|---|---|---|---|\n");
        for (int i = 0; i < checks.size(); i++) {
            CheckResult check = checks.get(i);
            out.write("| " + numbers.get(i) + " | " + name(check) + " | " + status(check.status()) + " | "
                    + Points.of(check.points(), check.maxPoints()) + " |\n");
        }
        out.write("\n");
    }

    private void failures(List<CheckResult> checks, List<String> numbers, Writer out) throws IOException {
        if (checks.stream().allMatch(c -> c.status().passed() && !c.quotes())) {
            return;
        }
        out.write(checks.stream().allMatch(c -> c.status().passed()) ? "## Answers to review\n\n"
                : "## Checks that did not pass, and answers to review\n\n");
        for (int i = 0; i < checks.size(); i++) {
            CheckResult check = checks.get(i);
            if (check.status().passed() && !check.quotes()) {
                continue;
            }
            out.write("### " + numbers.get(i) + " " + name(check) + "\n\n");
            out.write(status(check.status()) + ", " + Points.of(check.points(), check.maxPoints()) + " points. "
                    + "What the grader saw:\n\n");
            out.write(MarkdownText.codeBlock(check.observed()) + "\n");
            if (check.hint() != null) {
                out.write("**Fix:** " + MarkdownText.inline(check.hint()) + "\n\n");
            }
        }
    }

    private static void fingerprint(Fingerprint fingerprint, Writer out) throws IOException {
        out.write("## Fingerprint\n\n");
        out.write("- Cluster UID: " + orUnknown(fingerprint.clusterUid()) + "\n");
        out.write("- API server: " + orUnknown(fingerprint.server()) + "\n");
        out.write("- Context: " + orUnknown(fingerprint.context()) + "\n");
        out.write("- Nodes: " + (fingerprint.nodes().isEmpty() ? "none seen"
                : MarkdownText.inline(String.join(", ", fingerprint.nodes()))) + "\n\n");
        if (fingerprint.files().isEmpty()) {
            out.write("No submitted files.\n");
            return;
        }
        out.write("| File | SHA-256 |\n");
        out.write("|---|---|\n");
        for (Map.Entry<String, String> file : new TreeMap<>(fingerprint.files()).entrySet()) {
            out.write("| " + MarkdownText.inline(file.getKey()) + " | " + MarkdownText.inline(file.getValue())
                    + " |\n");
        }
    }

    private static String name(CheckResult check) {
        return MarkdownText.inline(check.id() + ": " + check.title());
    }

    private String status(CheckStatus status) {
        return marks == StatusMarks.UNICODE ? marks.mark(status) + " " + status.label() : status.label();
    }

    private static String orUnknown(String value) {
        return value == null ? "unknown" : MarkdownText.inline(value);
    }
}
