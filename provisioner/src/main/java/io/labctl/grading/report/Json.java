package io.labctl.grading.report;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labctl.grading.checks.CheckStatus;
import io.labctl.grading.Fingerprint;
import io.labctl.grading.GradeReport;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.TreeMap;

/** What the two JSON formats share: the mapper, point numbers, status counts and the fingerprint. */
final class Json {
    /** The caller owns the Writer (stdout, a file it will also write to): Jackson must not close it. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    /** Two-space indent, one array element per line, "key": value; "\n" on every platform so reports diff cleanly. */
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private Json() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Pretty printed, followed by a newline; the Writer is flushed, not closed. */
    static void write(JsonNode document, Writer out) throws IOException {
        PRETTY.writeValue(out, document);
        out.write('\n');
        out.flush();
    }

    /** Whole points as integers (2, not 2.0), others with at most two decimals (GradeReport.round). */
    static JsonNode points(double points) {
        double rounded = GradeReport.round(points);
        if (rounded == Math.rint(rounded) && Math.abs(rounded) < 1e15) {
            return JsonNodeFactory.instance.numberNode((long) rounded);
        }
        return JsonNodeFactory.instance.numberNode(rounded);
    }

    /** How many checks ended in each status, every status present, keyed by label ("not-gradable"). */
    static ObjectNode counts(GradeReport report) {
        ObjectNode counts = object();
        for (CheckStatus status : CheckStatus.values()) {
            counts.put(status.label(), report.count(status));
        }
        return counts;
    }

    /**
     * Every field of the fingerprint; maps sorted by key so two reports of the same work are byte-identical.
     * The Spark master documents stay strings: they are evidence, kept exactly as read.
     */
    static ObjectNode fingerprint(Fingerprint fingerprint) {
        ObjectNode node = object();
        node.put("clusterUid", fingerprint.clusterUid());
        node.put("server", fingerprint.server());
        node.put("context", fingerprint.context());
        fingerprint.nodes().forEach(node.putArray("nodes")::add);
        sorted(fingerprint.files()).forEach(node.putObject("files")::put);
        sorted(fingerprint.masterJson()).forEach(node.putObject("masterJson")::put);
        return node;
    }

    private static Map<String, String> sorted(Map<String, String> map) {
        return new TreeMap<>(map);
    }
}
