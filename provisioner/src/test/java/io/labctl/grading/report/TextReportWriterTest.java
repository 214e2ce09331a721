package io.labctl.grading.report;

import io.labctl.grading.GradeReport;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class TextReportWriterTest {

    private static List<String> lines(GradeReport report) {
        return TestReports.render(new TextReportWriter(), report).lines().toList();
    }

    @Test
    void text_header_namesLabStudentScoreAndWhyNotGradable() {
        List<String> lines = lines(TestReports.mixed());

        assertThat(lines.subList(0, 5)).containsExactly(
                "Spark on Kubernetes & \"friends\" <2> (spark-k8s)",
                "Student: o'neil, \"jo\" <ü>",
                "Score: 3.5/11  (1 passed, 1 partial, 1 failed, 1 error, 1 skipped, 1 not-gradable)",
                "NOT GRADABLE: " + TestReports.NOT_GRADABLE,
                "");
    }

    @Test
    void text_withoutStudentAndGradable_hasNeitherLine() {
        List<String> lines = lines(TestReports.allPassed(null));

        assertThat(lines).noneMatch(l -> l.startsWith("Student:") || l.startsWith("NOT GRADABLE"));
        assertThat(lines.get(1)).isEqualTo("Score: 11/11  (6 passed)");
    }

    @Test
    void text_checks_oneLineEachWithMarkIdTitleAndPoints() {
        List<String> lines = lines(TestReports.mixed());

        assertThat(lines).contains(
                "✔ ex1.cluster-up    Cluster is up, 1 master + 2 workers  2/2",
                "½ ex1.workers       Three Spark workers | alive  1.5/3",
                "✘ ex2.service-7077  Service spark-master on port 7077  0/2",
                "! ex2.master-json   Spark master /json/ answers  0/1",
                "– ex3.spark-pi      SparkPi prints Pi ≈ 3.14  0/2",
                "? ex3.dockerfile    Dockerfile pins its base image  0/1");
    }

    @Test
    void text_partialCheck_showsWhatWasSeenOverTwoLinesAndTheFix() {
        List<String> lines = lines(TestReports.mixed());
        int at = lines.indexOf("½ ex1.workers       Three Spark workers | alive  1.5/3");

        assertThat(lines.subList(at + 1, at + 4)).containsExactly(
                "  saw: 2 of 3 workers ALIVE",
                "       worker-3: <pending> & \"waiting\"",
                "  fix: " + TestReports.PARTIAL.hint());
    }

    @Test
    void text_terminalEscapeInWhatWasSeen_isShownNotSent() {
        String text = TestReports.render(new TextReportWriter(), TestReports.mixed());

        assertThat(text).contains("  saw: 403 Forbidden ^[[31mpods/proxy^[[0m <forbidden>").doesNotContain("\u001b");
    }

    @Test
    void text_failedAndErrorChecks_showSawAndFix_othersDoNot() {
        String text = TestReports.render(new TextReportWriter(), TestReports.mixed());

        assertThat(text).contains("  saw: " + TestReports.FAILED.observed(), "  fix: " + TestReports.FAILED.hint())
                .contains("  fix: " + TestReports.ERROR.hint())
                .doesNotContain(TestReports.PASSED.observed(), TestReports.SKIPPED.hint(),
                        TestReports.NOT_GRADABLE_CHECK.hint());
    }

    @Test
    void text_withoutAUtf8Locale_marksAreAsciiWords_neverTheSameForPassedAndNotGradable() {
        // Given a terminal whose locale is not UTF-8 (C, POSIX, nothing set, Latin-1)
        for (var env : List.of(java.util.Map.of("LANG", "C"), java.util.Map.<String, String>of(),
                java.util.Map.of("LANG", "en_US.UTF-8", "LC_ALL", "POSIX"), java.util.Map.of("LC_CTYPE", "de_DE.ISO-8859-1"))) {
            StatusMarks marks = StatusMarks.forLocale(env);
            String text = TestReports.render(new TextReportWriter(marks), TestReports.mixed());

            // Then every mark is an ASCII word, one per status, and the ids stay in one column
            assertThat(marks).as(env.toString()).isEqualTo(StatusMarks.ASCII);
            assertThat(text.lines().toList()).contains(
                    "PASS ex1.cluster-up    Cluster is up, 1 master + 2 workers  2/2",
                    "PART ex1.workers       Three Spark workers | alive  1.5/3",
                    "FAIL ex2.service-7077  Service spark-master on port 7077  0/2",
                    "ERR! ex2.master-json   Spark master /json/ answers  0/1",
                    "SKIP ex3.spark-pi      SparkPi prints Pi ≈ 3.14  0/2",
                    "N/A  ex3.dockerfile    Dockerfile pins its base image  0/1");
        }
        for (var env : List.of(java.util.Map.of("LANG", "en_US.UTF-8"), java.util.Map.of("LC_ALL", "C.utf8"),
                java.util.Map.of("LANG", "C", "LC_CTYPE", "de_DE.UTF-8"))) {
            assertThat(StatusMarks.forLocale(env)).as(env.toString()).isEqualTo(StatusMarks.UNICODE);
        }
    }

    @Test
    void markdown_withoutAUtf8Locale_keepsTheStatusWordOnly() {
        String markdown = TestReports.render(new MarkdownReportWriter(StatusMarks.ASCII), TestReports.mixed());

        assertThat(markdown).contains("| passed |", "| not-gradable |").doesNotContain("✔", "?  not-gradable", "? not-gradable");
    }
}
