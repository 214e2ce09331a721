package io.labctl.grading.report;

import io.labctl.grading.GradeReport;

import java.io.IOException;
import java.io.Writer;

/** Writes one student's report in one format. Implementations are stateless. */
public interface ReportWriter {
    void write(GradeReport report, Writer out) throws IOException;
}
