package io.labctl.grading.report;

import io.labctl.grading.CheckResult;
import io.labctl.grading.GradeReport;
import io.labctl.grading.checks.CheckStatus;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. The student page and the class page are self-contained, and a student's text is never markup. */
class HtmlReportWriterTest {
    private static GradeReport hostile() {
        CheckResult check = new CheckResult("ex3", "ex3.report", "Report </title>", 0, 2, CheckStatus.FAILED,
                "report.md: <script>alert(1)</script> & </script>", "write <b>more</b>", List.of("files"), "visible", 3);
        return new GradeReport("alice", "spark-k8s", "Lab <3>", TestReports.mixed().gradedAt(), 10, List.of(check), null,
                null);
    }

    @Test
    void studentPage_escapesEveryTextOfTheStudent_andFetchesNothing() throws Exception {
        String page = TestReports.render(new HtmlReportWriter(), hostile());

        assertThat(page).contains("report.md: &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;/script&gt;")
                .contains("<title>alice: Lab &lt;3&gt;</title>").doesNotContain("<script").doesNotContain("src=")
                .contains("data-status=\"failed\"").contains("0/2");
    }

    @Test
    void classPage_dataCountsEachCheckByStatus_andTheJsonCannotCloseItsScript() throws Exception {
        StringWriter out = new StringWriter();

        HtmlClassReport.write(List.of(hostile(), TestReports.allPassed("bob")), out);

        String page = out.toString();
        String json = page.substring(page.indexOf("id=\"data\">"), page.indexOf("</script>"));
        assertThat(json).doesNotContain("</").doesNotContain("<script").contains("Report \\u003c/title\\u003e");
        assertThat(HtmlClassReport.data(List.of(hostile())).at("/checks/0/failed").asInt()).isEqualTo(1);
        assertThat(page).doesNotContain("http://").doesNotContain("https://").doesNotContain("<link");
    }
}
