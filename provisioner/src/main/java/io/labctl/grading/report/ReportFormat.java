package io.labctl.grading.report;

/** The report formats of {@code labctl grade --format}. */
public enum ReportFormat {
    /** For a terminal. */
    text("txt"),
    /** labctl's own JSON: everything, including the fingerprint. */
    json("json"),
    /** The same document as json, in YAML, for people who read it ({@code -o yaml}). */
    yaml("yaml"),
    /** JUnit XML: failure = student mistake, error = grader/cluster fault, skipped = prerequisite failed. */
    junit("xml"),
    /** Gradescope's autograder results.json. */
    gradescope("results.json"),
    /** For people: a summary table and one section per failed check. */
    markdown("md"),
    /** One row per check; the class CSV is written by {@link ClassCsv}. */
    csv("csv"),
    /** A self-contained page per student; with a roster also the class page, {@link HtmlClassReport}. */
    html("html");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    /** File name suffix for per-student reports ("alice.results.json"). */
    public String extension() {
        return extension;
    }
}
