package io.labctl.grading.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.labctl.grading.GradeReport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. The output is validated against a JSON Schema of Gradescope's spec and read back with Jackson. */
class GradescopeReportWriterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Schema SCHEMA = loadSchema();

    private static Schema loadSchema() {
        try (InputStream in = GradescopeReportWriterTest.class
                .getResourceAsStream("/schemas/gradescope-results.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Error> violations(String json) {
        return SCHEMA.validate(json, InputFormat.JSON);
    }

    private static String text(GradeReport report) {
        return TestReports.render(new GradescopeReportWriter(), report);
    }

    private static JsonNode written(GradeReport report) throws IOException {
        return MAPPER.readTree(text(report));
    }

    @Test
    void gradescope_results_areValidAgainstTheSpec() {
        assertThat(violations(text(TestReports.mixed()))).isEmpty();
        assertThat(violations(text(TestReports.allPassed(null)))).isEmpty();
        assertThat(violations(text(TestReports.unreachable("bob")))).isEmpty();
    }

    @Test
    void gradescope_schema_rejectsWhatGradescopeWouldMisread() {
        assertThat(violations("{\"tests\": [{\"name\": \"no score anywhere\"}]}")).isNotEmpty();
        assertThat(violations("{\"score\": 1, \"tests\": [{\"score\": 1, \"maxScore\": 2}]}")).isNotEmpty();
        assertThat(violations("{\"score\": 1, \"tests\": [{\"score\": 1, \"status\": \"partial\"}]}")).isNotEmpty();
        assertThat(violations("{\"score\": 1, \"visibility\": \"students\"}")).isNotEmpty();
    }

    @Test
    void gradescope_topLevel_hasScoreTimeAndVisibilities() throws IOException {
        JsonNode json = written(TestReports.mixed());

        assertThat(json.get("score").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(json.get("execution_time").isIntegralNumber()).isTrue();
        assertThat(json.get("execution_time").asInt()).isEqualTo(3);
        assertThat(json.get("visibility").asText()).isEqualTo("visible");
        assertThat(json.get("stdout_visibility").asText()).isEqualTo("hidden");
        assertThat(json.get("output_format").asText()).isEqualTo("text");
    }

    @Test
    void gradescope_notGradable_outputStartsWithTheReason() throws IOException {
        assertThat(written(TestReports.mixed()).get("output").asText())
                .startsWith("NOT GRADABLE: " + TestReports.NOT_GRADABLE + "\n")
                .contains("Score: 3.5/11");
        assertThat(written(TestReports.allPassed("amy")).get("output").asText())
                .startsWith(TestReports.LAB_TITLE).doesNotContain("NOT GRADABLE");
    }

    @Test
    void gradescope_extraData_hasFingerprintCountsAndGradable() throws IOException {
        JsonNode extra = written(TestReports.mixed()).get("extra_data");

        assertThat(extra.get("gradable").asBoolean()).isFalse();
        assertThat(extra.get("student").asText()).isEqualTo(TestReports.STUDENT);
        assertThat(extra.get("counts").get("not-gradable").asInt()).isEqualTo(1);
        assertThat(extra.get("fingerprint").get("clusterUid").asText()).isEqualTo(TestReports.CLUSTER_UID);
        assertThat(extra.get("fingerprint").get("files")).hasSize(2);
    }

    @Test
    void gradescope_tests_passOnlyWhenPassed_withScoresAndExerciseDotCheckNumbers() throws IOException {
        JsonNode tests = written(TestReports.mixed()).get("tests");

        assertThat(tests).extracting(t -> t.get("status").asText())
                .containsExactly("passed", "failed", "failed", "failed", "failed", "failed");
        assertThat(tests).extracting(t -> t.get("number").asText())
                .containsExactly("1.1", "1.2", "2.1", "2.2", "3.1", "3.2");
        assertThat(tests).extracting(t -> t.get("score").asText() + "/" + t.get("max_score").asText())
                .containsExactly("2/2", "1.5/3", "0/2", "0/1", "0/2", "0/1");
        assertThat(tests).extracting(t -> t.get("extra_data").get("status").asText())
                .containsExactly("passed", "partial", "failed", "error", "skipped", "not-gradable");
    }

    @Test
    void gradescope_test_carriesTitleOutputWithHintTagsAndVisibility() throws IOException {
        JsonNode tests = written(TestReports.mixed()).get("tests");
        JsonNode partial = tests.get(1);
        JsonNode notGradable = tests.get(5);

        assertThat(partial.get("name").asText()).isEqualTo(TestReports.PARTIAL.title());
        assertThat(partial.get("output").asText())
                .isEqualTo(TestReports.PARTIAL.observed() + "\n\nHint: " + TestReports.PARTIAL.hint());
        assertThat(partial.get("extra_data").get("id").asText()).isEqualTo("ex1.workers");
        assertThat(tests.get(0).get("output").asText()).isEqualTo(TestReports.PASSED.observed());
        assertThat(notGradable.get("tags")).extracting(JsonNode::asText).containsExactly("files", "hadolint");
        assertThat(notGradable.get("visibility").asText()).isEqualTo("after_published");
    }
}
