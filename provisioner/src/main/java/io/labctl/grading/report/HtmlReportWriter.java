package io.labctl.grading.report;

import io.labctl.grading.CheckResult;
import io.labctl.grading.GradeReport;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One student's report as a self-contained HTML page (no scripts, fonts or anything fetched: it opens offline from a
 * file): the score, then every check with its status, points, what the grader observed and the hint. The class page
 * ({@link HtmlClassReport}) links to it as {@code STUDENT.html}.
 */
public final class HtmlReportWriter implements ReportWriter {
    /** Shared by the student and class pages: system fonts, status colours. */
    static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;color:#1b1f24;max-width:72rem}
            h1{font-size:1.5rem;margin-bottom:.25rem}h2{font-size:1.15rem;margin-top:2rem}
            table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #d0d7de;padding:.35rem .5rem;
            text-align:left;vertical-align:top}th{background:#f6f8fa}pre{white-space:pre-wrap;margin:0;font-size:.85rem}
            .passed{color:#1a7f37}.partial{color:#9a6700}.failed{color:#cf222e}.error,.not-gradable{color:#8250df}
            .skipped,.pending{color:#57606a}.muted{color:#57606a}
            """;

    @Override
    public void write(GradeReport report, Writer out) throws IOException {
        String who = report.student() == null ? "" : HtmlText.escape(report.student()) + ": ";
        out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + who + HtmlText.escape(report.labTitle()) + "</title><style>" + STYLE + "</style></head>\n<body>\n");
        out.write("<h1>" + who + HtmlText.escape(report.labTitle()) + "</h1>\n");
        out.write("<p id=\"score\" data-score=\"" + Points.format(report.score()) + "\" data-max=\""
                + Points.format(report.maxScore()) + "\">Score: <strong>" + Summary.score(report) + "</strong> ("
                + HtmlText.escape(Summary.counts(report)) + ")</p>\n");
        if (!report.gradable()) {
            out.write("<p class=\"not-gradable\"><strong>NOT GRADABLE:</strong> " + HtmlText.escape(report.notGradable())
                    + "</p>\n");
        }
        out.write("<table id=\"checks\"><thead><tr><th>Check</th><th>Status</th><th>Points</th><th>What the grader saw"
                + "</th></tr></thead><tbody>\n");
        for (CheckResult check : report.checks()) {
            out.write("<tr data-check=\"" + HtmlText.escape(check.id()) + "\" data-status=\"" + check.status().label()
                    + "\"><td>" + HtmlText.escape(check.id()) + "<br><span class=\"muted\">"
                    + HtmlText.escape(check.title()) + "</span></td><td class=\"" + check.status().label() + "\">"
                    + check.status().label() + "</td><td>" + Points.of(check.points(), check.maxPoints()) + "</td><td><pre>"
                    + HtmlText.escape(check.observed()) + "</pre>"
                    + (check.hint() == null ? "" : "<p><strong>Fix:</strong> " + HtmlText.escape(check.hint()) + "</p>")
                    + "</td></tr>\n");
        }
        out.write("</tbody></table>\n");
        out.write("<p class=\"muted\">Graded " + report.gradedAt() + " in " + report.millis() + " ms.</p>\n");
        out.write("</body></html>\n");
        out.flush();
    }

    /** The per-student page's file name in a class folder. */
    static String page(String student) {
        return student + "." + ReportFormat.html.extension();
    }

    static List<String> statuses() {
        return List.of("passed", "partial", "failed", "not-gradable");
    }
}
