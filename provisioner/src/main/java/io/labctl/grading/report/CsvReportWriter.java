package io.labctl.grading.report;

import io.labctl.grading.CheckResult;
import io.labctl.grading.GradeReport;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One student's checks as CSV, one row per check in lab order, under a header row: student, exercise, id,
 * title, status (label), points, max_points, observed, hint. Points have at most two decimals; an absent student
 * or hint is an empty field. The class table is {@link ClassCsv}.
 */
public final class CsvReportWriter implements ReportWriter {
    static final List<String> COLUMNS =
            List.of("student", "exercise", "id", "title", "status", "points", "max_points", "observed", "hint");

    @Override
    public void write(GradeReport report, Writer out) throws IOException {
        CSVPrinter csv = Csv.printer(out, COLUMNS);
        String student = report.student() == null ? "" : report.student();
        for (CheckResult check : report.checks()) {
            csv.printRecord(student, check.exercise(), check.id(), Csv.text(check.title()), check.status().label(),
                    Points.format(check.points()), Points.format(check.maxPoints()), Csv.text(check.observed()),
                    Csv.text(check.hint()));
        }
        csv.flush();
    }
}
