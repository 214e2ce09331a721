package io.labctl.grading.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.labctl.grading.GradeReport;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;

/** labctl's JSON report as YAML: one document, the same fields in the same order (see {@link JsonReportWriter}). */
public final class YamlReportWriter implements ReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES) // a long line stays one line, no "\\" continuations
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET));

    @Override
    public void write(GradeReport report, Writer out) throws IOException {
        // One source for the fields: the JSON writer's document, re-serialised.
        StringWriter json = new StringWriter();
        new JsonReportWriter().write(report, json);
        JsonNode document = JSON.readTree(json.toString());
        YAML.writeValue(out, document);
    }
}
