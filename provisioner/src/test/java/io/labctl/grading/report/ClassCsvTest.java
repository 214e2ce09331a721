package io.labctl.grading.report;

import io.labctl.grading.CheckResult;
import io.labctl.grading.checks.CheckStatus;
import io.labctl.grading.GradeReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tier: unit. Tables are written to files and read back with {@link ClassCsv#read}, i.e. Commons CSV. */
class ClassCsvTest {
    private static final List<String> CHECK_IDS = TestReports.CHECKS.stream().map(CheckResult::id).toList();

    @TempDir
    Path dir;

    /** amy passed everything, bob's cluster was unreachable, o'neil (the nasty name) has one check of each status. */
    private static List<GradeReport> classOfThree() {
        return List.of(TestReports.mixed(), TestReports.allPassed("amy"), TestReports.unreachable("bob"));
    }

    private Path written(List<GradeReport> reports) throws IOException {
        Path csv = dir.resolve("class.csv");
        Files.writeString(csv, render(w -> ClassCsv.write(reports, w)));
        return csv;
    }

    private interface Output {
        void to(StringWriter out) throws IOException;
    }

    private static String render(Output output) {
        StringWriter out = new StringWriter();
        try {
            output.to(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<String> values(Map<String, String> row, List<String> columns) {
        return columns.stream().map(row::get).toList();
    }

    @Test
    void classCsv_write_oneRowPerStudentSortedByStudent() throws IOException {
        List<Map<String, String>> rows = ClassCsv.read(written(classOfThree()));

        assertThat(rows).extracting(r -> r.get("student")).containsExactly("amy", "bob", TestReports.STUDENT);
        assertThat(rows.get(0).keySet()).containsExactlyElementsOf(
                concat(ClassCsv.COLUMNS, CHECK_IDS));
    }

    @Test
    void classCsv_gradedStudent_hasScorePercentCountsAndPointsPerCheck() throws IOException {
        Map<String, String> amy = ClassCsv.read(written(classOfThree())).get(0);

        assertThat(values(amy, ClassCsv.COLUMNS))
                .containsExactly("amy", "11", "11", "100", "graded", "", "6", "0", "0", "0");
        assertThat(values(amy, CHECK_IDS)).containsExactly("2", "3", "2", "1", "2", "1");
    }

    @Test
    void classCsv_partlyGradable_countsPartialAsFailedAndLeavesTheNotGradableCheckEmpty() throws IOException {
        Map<String, String> oneil = ClassCsv.read(written(classOfThree())).get(2);

        assertThat(values(oneil, ClassCsv.COLUMNS)).containsExactly(TestReports.STUDENT, "3.5", "11", "31.82",
                "not-gradable", TestReports.NOT_GRADABLE, "1", "2", "2", "1");
        assertThat(values(oneil, CHECK_IDS)).containsExactly("2", "1.5", "0", "0", "0", "");
    }

    @Test
    void classCsv_notGradableStudent_hasTheReasonAndNoPoints() throws IOException {
        Map<String, String> bob = ClassCsv.read(written(classOfThree())).get(1);

        assertThat(values(bob, ClassCsv.COLUMNS)).containsExactly("bob", "0", "11", "0", "not-gradable",
                "cluster unreachable: https://10.0.0.9:6443, connection refused", "0", "0", "6", "0");
        assertThat(values(bob, CHECK_IDS)).allMatch(String::isEmpty);
    }

    @Test
    void classCsv_checkColumns_areTheUnionInLabOrder_firstReportFirst() throws IOException {
        GradeReport first = report("ann", List.of("ex1.b", "ex1.a"));
        GradeReport second = report("ben", List.of("ex1.a", "ex2.c", "ex1.b"));

        List<Map<String, String>> rows = ClassCsv.read(written(List.of(first, second)));

        assertThat(rows.get(0).keySet()).endsWith("ex1.b", "ex1.a", "ex2.c");
        assertThat(rows.get(0).get("ex2.c")).isEmpty();
        assertThat(rows.get(1).get("ex2.c")).isEqualTo("1");
    }

    @Test
    void classCsv_merge_replacesTheRegradedRowAndKeepsTheOthersAsTheyAre() throws IOException {
        Path csv = written(classOfThree());
        // An instructor's hand edit in amy's row must survive a regrade of bob.
        Files.writeString(csv, Files.readString(csv).replace("amy,11,11,100,graded,", "amy,10,11,100,graded,late"));
        List<Map<String, String>> before = ClassCsv.read(csv);

        Path merged = dir.resolve("merged.csv");
        Files.writeString(merged, render(w -> ClassCsv.merge(csv, List.of(TestReports.allPassed("bob")), w)));
        List<Map<String, String>> after = ClassCsv.read(merged);

        assertThat(after).hasSize(3);
        assertThat(after.get(0)).isEqualTo(before.get(0)).containsEntry("not_gradable_reason", "late");
        assertThat(after.get(2)).isEqualTo(before.get(2));
        assertThat(values(after.get(1), ClassCsv.COLUMNS))
                .containsExactly("bob", "11", "11", "100", "graded", "", "6", "0", "0", "0");
    }

    @Test
    void classCsv_merge_addsANewStudentAndNewChecksAfterTheExistingColumns() throws IOException {
        Path csv = written(classOfThree());
        GradeReport zoe = report("zoe", List.of("ex1.cluster-up", "ex4.bonus"));

        List<Map<String, String>> after = ClassCsv.read(Files.writeString(dir.resolve("merged.csv"),
                render(w -> ClassCsv.merge(csv, List.of(zoe), w))));

        assertThat(after).extracting(r -> r.get("student")).containsExactly("amy", "bob", TestReports.STUDENT, "zoe");
        assertThat(after.get(0).keySet()).containsExactlyElementsOf(
                concat(ClassCsv.COLUMNS, concat(CHECK_IDS, List.of("ex4.bonus"))));
        assertThat(after.get(0).get("ex4.bonus")).isEmpty();
        assertThat(after.get(3).get("ex4.bonus")).isEqualTo("1");
        assertThat(after.get(3).get("ex1.workers")).isEmpty();
    }

    @Test
    void classCsv_merge_refusesAFileThatIsNotAClassTable() throws IOException {
        Path other = Files.writeString(dir.resolve("other.csv"), "name,grade\r\namy,A\r\n");

        assertThatThrownBy(() -> ClassCsv.merge(other, List.of(), new StringWriter()))
                .isInstanceOf(IOException.class).hasMessageContaining("not a labctl class table");
    }

    @Test
    void classCsv_read_acceptsAByteOrderMarkFromASpreadsheet() throws IOException {
        Path csv = written(classOfThree());
        Files.writeString(csv, "\uFEFF" + Files.readString(csv));

        assertThat(ClassCsv.read(csv).get(0)).containsEntry("student", "amy");
    }

    @Test
    void classCsv_reportsWithoutStudentOrTwiceTheSame_areRefused() {
        assertThatThrownBy(() -> ClassCsv.write(List.of(TestReports.allPassed(null)), new StringWriter()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("student id");
        assertThatThrownBy(() -> ClassCsv.write(List.of(TestReports.allPassed("amy"), TestReports.unreachable("amy")),
                new StringWriter())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    /** A graded report with one passed 1-point check per id. */
    private static GradeReport report(String student, List<String> checkIds) {
        return new GradeReport(student, "lab", "Lab", TestReports.GRADED_AT, 1, checkIds.stream()
                .map(id -> TestReports.check(id.substring(0, 3), id, id, 1, 1, CheckStatus.PASSED, "ok", null, 1))
                .toList(), null, null);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
