package io.labctl.grading.report;

import io.labctl.grading.CheckResult;
import io.labctl.grading.checks.CheckStatus;
import io.labctl.grading.GradeReport;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The class table of a batch grading: one row per student, sorted by student, for a spreadsheet or an LMS
 * gradebook import. Columns: {@link #COLUMNS} (student, score, max_score, percent, status "graded" or
 * "not-gradable", not_gradable_reason, and check counts: passed; failed = failed + partial, the student
 * mistakes; errors = error + not-gradable, what a person must look at; skipped), then one column per check id
 * with the points earned, empty where that check was not gradable for that student. Check columns are in lab
 * order: the union over the reports, the first report's order first.
 *
 * <p>A regrade of some students rewrites their rows only ({@link #merge}), so hand edits and earlier grades of
 * everyone else stay as they were. Every student must have a roster id ({@link GradeReport#student()}).
 */
public final class ClassCsv {
    /** The columns before the per-check ones. */
    public static final List<String> COLUMNS = List.of("student", "score", "max_score", "percent", "status",
            "not_gradable_reason", "passed", "failed", "errors", "skipped");

    private ClassCsv() {
    }

    /** Writes the table of {@code reports} (one per student); the Writer is flushed, not closed. */
    public static void write(List<GradeReport> reports, Writer out) throws IOException {
        write(checkIds(List.of(), reports), rows(reports), out);
    }

    /**
     * Reads a class table back: one map per row, column name to value in column order, {@code ""} for an empty
     * field. Works on tables a spreadsheet saved again (byte order mark, quoting).
     */
    public static List<Map<String, String>> read(Path csv) throws IOException {
        return table(csv).rows();
    }

    /**
     * Writes {@code existingCsv} with the rows of the {@code regraded} students replaced (or added): other rows
     * exactly as they were, check columns of the existing table first, new check ids after them, and rows sorted
     * by student. The whole existing table is read before anything is written, but {@code out} is opened by the
     * caller: to update in place, write to a temporary file and move it over {@code existingCsv}.
     *
     * @throws IOException when {@code existingCsv} is not a class table (its first columns are not {@link #COLUMNS})
     */
    public static void merge(Path existingCsv, List<GradeReport> regraded, Writer out) throws IOException {
        merge(Files.readString(existingCsv, StandardCharsets.UTF_8), existingCsv, regraded, out);
    }

    /** {@link #merge(Path, List, Writer)} of a table already read (under a lock, by {@link ClassCsvFile}). */
    static void merge(String existingCsv, Path source, List<GradeReport> regraded, Writer out) throws IOException {
        Csv.Table existing = Csv.parse(existingCsv);
        if (existing.header().size() < COLUMNS.size()
                || !existing.header().subList(0, COLUMNS.size()).equals(COLUMNS)) {
            throw new IOException(source + " is not a labctl class table: its columns should start with "
                    + String.join(",", COLUMNS));
        }
        List<Map<String, String>> rows = rows(regraded);
        Set<String> replaced = new HashSet<>();
        rows.forEach(row -> replaced.add(row.get("student")));
        existing.rows().stream().filter(row -> !replaced.contains(row.get("student"))).forEach(rows::add);
        List<String> existingChecks = existing.header().subList(COLUMNS.size(), existing.header().size());
        write(checkIds(existingChecks, regraded), rows, out);
    }

    private static Csv.Table table(Path csv) throws IOException {
        return Csv.parse(Files.readString(csv, StandardCharsets.UTF_8));
    }

    private static void write(List<String> checkIds, List<Map<String, String>> rows, Writer out)
            throws IOException {
        List<String> header = new ArrayList<>(COLUMNS);
        header.addAll(checkIds);
        CSVPrinter csv = Csv.printer(out, header);
        List<Map<String, String>> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(row -> row.get("student")));
        for (Map<String, String> row : sorted) {
            csv.printRecord(header.stream().map(column -> row.getOrDefault(column, "")).toList());
        }
        csv.flush();
    }

    /** {@code first}, then the check ids of {@code reports} not among them, in the order they are met. */
    private static List<String> checkIds(List<String> first, List<GradeReport> reports) {
        Set<String> ids = new LinkedHashSet<>(first);
        for (GradeReport report : reports) {
            for (CheckResult check : report.checks()) {
                // A check named like a fixed column would overwrite it in the row.
                if (COLUMNS.contains(check.id())) {
                    throw new IllegalArgumentException("check id " + check.id() + " clashes with a class table column");
                }
                ids.add(check.id());
            }
        }
        return List.copyOf(ids);
    }

    private static List<Map<String, String>> rows(List<GradeReport> reports) {
        List<Map<String, String>> rows = new ArrayList<>();
        Set<String> students = new HashSet<>();
        for (GradeReport report : reports) {
            if (report.student() == null) {
                throw new IllegalArgumentException("a class table needs a student id for every report of "
                        + report.lab());
            }
            if (!students.add(report.student())) {
                throw new IllegalArgumentException("student " + report.student() + " is graded twice");
            }
            rows.add(row(report));
        }
        return rows;
    }

    private static Map<String, String> row(GradeReport report) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("student", report.student());
        row.put("score", Points.format(report.score()));
        row.put("max_score", Points.format(report.maxScore()));
        row.put("percent", report.maxScore() == 0 ? "" : Points.format(100 * report.score() / report.maxScore()));
        row.put("status", report.gradable() ? "graded" : CheckStatus.NOT_GRADABLE.label());
        row.put("not_gradable_reason", report.gradable() ? "" : Csv.text(report.notGradable()));
        row.put("passed", count(report, CheckStatus.PASSED));
        row.put("failed", count(report, CheckStatus.FAILED, CheckStatus.PARTIAL));
        row.put("errors", count(report, CheckStatus.ERROR, CheckStatus.NOT_GRADABLE));
        row.put("skipped", count(report, CheckStatus.SKIPPED));
        for (CheckResult check : report.checks()) {
            row.put(check.id(), check.status() == CheckStatus.NOT_GRADABLE ? "" : Points.format(check.points()));
        }
        return row;
    }

    private static String count(GradeReport report, CheckStatus... statuses) {
        long count = 0;
        for (CheckStatus status : statuses) {
            count += report.count(status);
        }
        return Long.toString(count);
    }
}
