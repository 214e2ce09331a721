package io.labctl.grading.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class ReportWritersTest {

    @Test
    void forFormat_eachFormat_getsItsWriter() {
        assertThat(ReportWriters.forFormat(ReportFormat.text)).isInstanceOf(TextReportWriter.class);
        assertThat(ReportWriters.forFormat(ReportFormat.json)).isInstanceOf(JsonReportWriter.class);
        assertThat(ReportWriters.forFormat(ReportFormat.junit)).isInstanceOf(JunitReportWriter.class);
        assertThat(ReportWriters.forFormat(ReportFormat.gradescope)).isInstanceOf(GradescopeReportWriter.class);
        assertThat(ReportWriters.forFormat(ReportFormat.markdown)).isInstanceOf(MarkdownReportWriter.class);
        assertThat(ReportWriters.forFormat(ReportFormat.csv)).isInstanceOf(CsvReportWriter.class);
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void write_anyFormat_endsInANewlineAndLeavesTheWriterOpen(ReportFormat format) throws IOException {
        // The caller owns the Writer: it may be stdout, or a file it writes further reports to.
        StringWriter out = new StringWriter() {
            @Override
            public void close() {
                throw new AssertionError("a report writer closed the caller's Writer");
            }
        };

        ReportWriters.forFormat(format).write(TestReports.mixed(), out);

        assertThat(out.toString()).isNotBlank().endsWith("\n");
    }
}
