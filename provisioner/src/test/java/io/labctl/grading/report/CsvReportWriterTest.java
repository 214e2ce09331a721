package io.labctl.grading.report;

import io.labctl.core.TerminalText;
import io.labctl.grading.CheckResult;
import io.labctl.grading.checks.CheckStatus;
import io.labctl.grading.GradeReport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. The output is parsed back with Commons CSV. */
class CsvReportWriterTest {

    private static CSVParser parse(String csv) throws IOException {
        return CSVParser.parse(new StringReader(csv),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get());
    }

    @Test
    void csv_header_namesTheColumns() throws IOException {
        try (CSVParser csv = parse(TestReports.render(new CsvReportWriter(), TestReports.mixed()))) {
            assertThat(csv.getHeaderNames()).containsExactly(
                    "student", "exercise", "id", "title", "status", "points", "max_points", "observed", "hint");
        }
    }

    @Test
    void csv_rows_onePerCheck_andQuotedTextSurvives() throws IOException {
        try (CSVParser csv = parse(TestReports.render(new CsvReportWriter(), TestReports.mixed()))) {
            List<CSVRecord> rows = csv.getRecords();

            assertThat(rows).hasSize(TestReports.CHECKS.size());
            for (int i = 0; i < rows.size(); i++) {
                CSVRecord row = rows.get(i);
                CheckResult check = TestReports.CHECKS.get(i);
                assertThat(row.get("student")).isEqualTo(TestReports.STUDENT);
                assertThat(row.get("exercise")).isEqualTo(check.exercise());
                assertThat(row.get("id")).isEqualTo(check.id());
                assertThat(row.get("title")).isEqualTo(check.title());
                assertThat(row.get("status")).isEqualTo(check.status().label());
                // Control characters (the ESC of a colored pod log) are shown, not kept: a CSV is also read with cat.
                assertThat(row.get("observed")).isEqualTo(TerminalText.visible(check.observed()));
                assertThat(row.get("hint")).isEqualTo(check.hint() == null ? "" : check.hint());
            }
        }
    }

    @Test
    void csv_points_haveNoSpuriousDecimals() throws IOException {
        try (CSVParser csv = parse(TestReports.render(new CsvReportWriter(), TestReports.mixed()))) {
            assertThat(csv.getRecords()).extracting(r -> r.get("points") + "/" + r.get("max_points"))
                    .containsExactly("2/2", "1.5/3", "0/2", "0/1", "0/2", "0/1");
        }
    }

    @Test
    void csv_withoutStudent_leavesTheColumnEmpty() throws IOException {
        try (CSVParser csv = parse(TestReports.render(new CsvReportWriter(), TestReports.allPassed(null)))) {
            assertThat(csv.getRecords()).allSatisfy(r -> assertThat(r.get("student")).isEmpty());
        }
    }

    @Test
    void csv_multiLineObservation_staysInOneQuotedField() {
        String csv = TestReports.render(new CsvReportWriter(), TestReports.mixed());

        assertThat(csv).contains("\"2 of 3 workers ALIVE\nworker-3: <pending> & \"\"waiting\"\"\"");
        assertThat(csv).startsWith("student,exercise,id,").contains("\r\n");
    }

    @Test
    void csv_textStartingLikeAFormula_isMadeInert_numbersAreNot() throws IOException {
        CheckResult formula = new CheckResult("ex2", "ex2.base-image", "=HYPERLINK(\"http://x\",\"click\")", 0, 2,
                CheckStatus.FAILED, "+cmd|' /C calc'!A0", "@SUM(1)", List.of(), null, 1);
        GradeReport report = new GradeReport("mallory", "lab", "Lab", TestReports.GRADED_AT, 1, List.of(formula), null, null);

        try (CSVParser csv = parse(TestReports.render(new CsvReportWriter(), report))) {
            CSVRecord row = csv.getRecords().get(0);
            assertThat(row.get("title")).isEqualTo("'=HYPERLINK(\"http://x\",\"click\")");
            assertThat(row.get("observed")).startsWith("'+cmd");
            assertThat(row.get("hint")).isEqualTo("'@SUM(1)");
            assertThat(row.get("points")).isEqualTo("0");
        }
    }
}
