package io.labctl.grading.report;

import io.labctl.core.TerminalText;
import io.labctl.grading.CheckResult;
import io.labctl.grading.checks.CheckStatus;
import io.labctl.grading.GradeReport;

import java.io.IOException;
import java.io.Writer;

/**
 * A report for the terminal: a header (lab, student, score, counts, and "NOT GRADABLE: reason" when part of the
 * work could not be graded), then one line per check in lab order: status mark, id, title, points/max. Under a
 * failed, partial or error check, what the grader saw ({@code saw:}) and what to fix ({@code fix:}).
 *
 * <p>Plain text without colors, so it reads the same in a pipe, a log file or an e-mail; lines end in "\n".
 * Control characters in the report's text (a terminal escape in a student's pod log) are shown in caret
 * notation ({@code ^[}), never sent to the terminal: they could recolor, retitle or rewrite the screen.
 */
public final class TextReportWriter implements ReportWriter {
    private final StatusMarks marks;

    /** UTF-8 marks: for files, which labctl writes in UTF-8. */
    public TextReportWriter() {
        this(StatusMarks.UNICODE);
    }

    /** For a terminal: {@link StatusMarks#forLocale} of its locale. */
    public TextReportWriter(StatusMarks marks) {
        this.marks = marks;
    }

    private static final String SAW = "  saw: ";
    private static final String FIX = "  fix: ";
    private static final String NOT_GRADABLE = "NOT GRADABLE: ";

    @Override
    public void write(GradeReport report, Writer out) throws IOException {
        out.write(visible(report.labTitle()) + " (" + visible(report.lab()) + ")\n");
        if (report.student() != null) {
            out.write("Student: " + visible(report.student()) + "\n");
        }
        out.write("Score: " + Summary.score(report) + "  (" + Summary.counts(report) + ")\n");
        if (!report.gradable()) {
            out.write(labelled(NOT_GRADABLE, report.notGradable()));
        }
        out.write("\n");
        int idWidth = report.checks().stream().mapToInt(c -> c.id().length()).max().orElse(0);
        for (CheckResult check : report.checks()) {
            writeCheck(check, idWidth, out);
        }
        out.flush();
    }

    private void writeCheck(CheckResult check, int idWidth, Writer out) throws IOException {
        String id = visible(check.id()) + " ".repeat(idWidth - check.id().length());
        out.write(marks.mark(check.status()) + " " + id + "  " + visible(check.title()) + "  "
                + Points.of(check.points(), check.maxPoints()) + (check.status() == CheckStatus.PENDING ? " pending" : "")
                + "\n");
        if (Summary.showsObserved(check)) {
            out.write(labelled(SAW, check.observed()));
            if (check.hint() != null) {
                out.write(labelled(FIX, check.hint()));
            }
        }
    }

    /** {@code label} then {@code text}, its continuation lines lined up under its first line. */
    private static String labelled(String label, String text) {
        String continuation = "\n" + " ".repeat(label.length());
        return label + visible(text.strip().replaceAll("\\R", continuation)) + "\n";
    }

    private static String visible(String text) {
        return TerminalText.visible(text);
    }
}
