package io.labctl.grading.report;

/** Which writer writes which {@link ReportFormat}: the registry {@code labctl grade --format} goes through. */
public final class ReportWriters {
    private ReportWriters() {
    }

    /**
     * The writer of {@code format} for a terminal or pipe: the formats people read take their marks from its
     * locale ({@link StatusMarks#forLocale}); the others are data and the same everywhere.
     */
    public static ReportWriter forTerminal(ReportFormat format, StatusMarks marks) {
        return switch (format) {
            case text -> new TextReportWriter(marks);
            case markdown -> new MarkdownReportWriter(marks);
            default -> forFormat(format);
        };
    }

    /** The writer of {@code format} for a file (UTF-8); writers are stateless, so one may be shared. */
    public static ReportWriter forFormat(ReportFormat format) {
        return switch (format) {
            // Terminal: header, one line per check, saw/fix under what did not pass.
            case text -> new TextReportWriter();
            // Everything, fingerprint included: for scripts and the grade archive.
            case json -> new JsonReportWriter();
            // The same, as YAML: -o yaml of lab check and grade.
            case yaml -> new YamlReportWriter();
            // CI servers: failure = student mistake, error = grader/cluster fault, skipped = prerequisite failed.
            case junit -> new JunitReportWriter();
            // Gradescope autograder results.json.
            case gradescope -> new GradescopeReportWriter();
            // People: summary table, a section per check that did not pass, fingerprint.
            case markdown -> new MarkdownReportWriter();
            // One row per check; the class table is ClassCsv.
            case csv -> new CsvReportWriter();
            // People, in a browser, offline: one page per student; the class page is HtmlClassReport.
            case html -> new HtmlReportWriter();
        };
    }
}
