package io.labctl.grading.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labctl.grading.CheckResult;
import io.labctl.grading.checks.CheckStatus;
import io.labctl.grading.Fingerprint;
import io.labctl.grading.GradeReport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. The output is parsed back with Jackson. */
class JsonReportWriterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode written(GradeReport report) throws IOException {
        return MAPPER.readTree(TestReports.render(new JsonReportWriter(), report));
    }

    @Test
    void json_report_hasEveryTopLevelFieldInAStableOrder() throws IOException {
        JsonNode json = written(TestReports.mixed());

        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("student", "lab", "labTitle", "gradedAt", "millis", "score", "maxScore",
                "gradable", "notGradable", "counts", "checks", "fingerprint");
        assertThat(json.get("student").asText()).isEqualTo(TestReports.STUDENT);
        assertThat(json.get("labTitle").asText()).isEqualTo(TestReports.LAB_TITLE);
        assertThat(json.get("gradedAt").asText()).isEqualTo("2026-11-23T11:43:23Z");
        assertThat(json.get("millis").asLong()).isEqualTo(2511);
        assertThat(json.get("gradable").asBoolean()).isFalse();
        assertThat(json.get("notGradable").asText()).isEqualTo(TestReports.NOT_GRADABLE);
    }

    @Test
    void json_scores_areNumbersWithoutSpuriousDecimals() throws IOException {
        JsonNode json = written(TestReports.mixed());

        assertThat(json.get("score").isNumber()).isTrue();
        assertThat(json.get("score").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(json.get("maxScore").isIntegralNumber()).isTrue();
        assertThat(json.get("maxScore").asLong()).isEqualTo(11);
    }

    @Test
    void json_fractionsThatDoNotAddUpExactly_areRoundedToTwoDecimals() throws IOException {
        CheckResult third = TestReports.check("ex1", "ex1.a", "a third", 1.0 / 3, 1, CheckStatus.PARTIAL, "1 of 3",
                "more", 1);
        GradeReport report = new GradeReport("s", "lab", "Lab", TestReports.GRADED_AT, 1,
                List.of(third, third, third), null, null);

        String text = TestReports.render(new JsonReportWriter(), report);

        assertThat(MAPPER.readTree(text).get("score").asDouble()).isEqualTo(1.0);
        assertThat(text).contains("\"points\": 0.33").doesNotContain("0.3333");
    }

    @Test
    void json_counts_haveEveryStatusLabel() throws IOException {
        GradeReport mixed = TestReports.mixed();
        JsonNode counts = written(mixed).get("counts");

        for (CheckStatus status : CheckStatus.values()) {
            // every status is counted, those no check ended with (pending review here) as 0
            assertThat(counts.get(status.label()).asLong()).as(status.label()).isEqualTo(mixed.count(status));
        }
        assertThat(mixed.count(CheckStatus.FAILED)).isEqualTo(1);
    }

    @Test
    void json_checks_carryEveryFieldAndTheStatusLabel() throws IOException {
        JsonNode checks = written(TestReports.mixed()).get("checks");

        assertThat(checks).hasSize(TestReports.CHECKS.size());
        JsonNode partial = checks.get(1);
        assertThat(partial.get("exercise").asText()).isEqualTo("ex1");
        assertThat(partial.get("id").asText()).isEqualTo("ex1.workers");
        assertThat(partial.get("title").asText()).isEqualTo(TestReports.PARTIAL.title());
        assertThat(partial.get("points").asDouble()).isEqualTo(1.5);
        assertThat(partial.get("maxPoints").asInt()).isEqualTo(3);
        assertThat(partial.get("status").asText()).isEqualTo("partial");
        assertThat(partial.get("observed").asText()).isEqualTo(TestReports.PARTIAL.observed());
        assertThat(partial.get("hint").asText()).isEqualTo(TestReports.PARTIAL.hint());
        assertThat(partial.get("tags")).extracting(JsonNode::asText).containsExactly("live", "ex1");
        assertThat(partial.get("visibility").asText()).isEqualTo("visible");
        assertThat(partial.get("millis").asLong()).isEqualTo(340);
        assertThat(checks.get(0).get("hint").isNull()).isTrue();
        assertThat(checks.get(3).get("observed").asText()).isEqualTo(TestReports.ERROR.observed());
        assertThat(checks.get(5).get("status").asText()).isEqualTo("not-gradable");
    }

    @Test
    void json_fingerprint_hasEveryFieldWithFilesSortedByPath() throws IOException {
        JsonNode fingerprint = written(TestReports.mixed()).get("fingerprint");

        assertThat(fingerprint.get("clusterUid").asText()).isEqualTo(TestReports.CLUSTER_UID);
        assertThat(fingerprint.get("server").asText()).isEqualTo("https://127.0.0.1:6443");
        assertThat(fingerprint.get("context").asText()).isEqualTo("k3s-lab");
        assertThat(fingerprint.get("nodes")).extracting(JsonNode::asText)
                .containsExactly("lab-master", "lab-worker-1", "lab-worker-2");
        List<String> files = new ArrayList<>();
        fingerprint.get("files").fieldNames().forEachRemaining(files::add);
        assertThat(files).containsExactly("Dockerfile", "manifests/spark|master, \"v2\".yaml");
        assertThat(fingerprint.get("files").get("Dockerfile").asText())
                .isEqualTo(TestReports.FINGERPRINT.files().get("Dockerfile"));
        assertThat(fingerprint.get("masterJson").get("spark/lab").asText())
                .isEqualTo("{\"status\":\"ALIVE\",\"aliveworkers\":2}");
    }

    @Test
    void json_fingerprintMaps_areSortedSoTheSameWorkGivesTheSameBytes() throws IOException {
        // Map.copyOf iterates in a per-JVM random order; with ten entries an unsorted map shows at once.
        Map<String, String> files = new HashMap<>();
        IntStream.range(0, 10).forEach(i -> files.put("file-" + i, "sha-" + i));
        Fingerprint fingerprint = new Fingerprint("uid", null, null, List.of(), files, files);
        GradeReport report = new GradeReport("s", "lab", "Lab", TestReports.GRADED_AT, 1, List.of(), null, fingerprint);

        JsonNode written = written(report).get("fingerprint");

        List<String> expected = IntStream.range(0, 10).mapToObj(i -> "file-" + i).toList();
        for (String map : List.of("files", "masterJson")) {
            List<String> keys = new ArrayList<>();
            written.get(map).fieldNames().forEachRemaining(keys::add);
            assertThat(keys).as(map).containsExactlyElementsOf(expected);
        }
    }
}
