package io.labctl.grading.files;

import io.labctl.grading.checks.CheckStatus;
import io.labctl.grading.checks.CheckOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class YamlValidCheckTest {
    static final String TYPE = "yaml-valid";

    @TempDir
    Path dir;

    @Test
    void reference_passes() {
        assertThat(SubmissionFixture.reference(dir).run(TYPE))
                .isEqualTo(CheckOutcome.pass("all parse: spark-commented.yaml, spark.yaml"));
    }

    @Test
    void brokenYaml_onlyThisCheckFails_partialPerFile_namingFileLineAndError() {
        // the commented copy still holds every object, so only the syntax check notices
        SubmissionFixture fixture = SubmissionFixture.reference(dir).write("spark.yaml",
                SubmissionFixture.YAML.replace("  replicas: 2\n", "  replicas: 2\n    paused: false\n"));
        int line = fixture.line("spark.yaml", "    paused: false");

        CheckOutcome outcome = fixture.run(TYPE);

        assertThat(outcome.status()).isEqualTo(CheckStatus.PARTIAL);
        assertThat(outcome.fraction()).isEqualTo(0.5);
        assertThat(outcome.observed()).isEqualTo("spark.yaml:" + line + ": mapping values are not allowed here;"
                + " parse: spark-commented.yaml");
        assertThat(outcome.hint()).startsWith("fix the YAML at spark.yaml:" + line + " (indent with spaces")
                .endsWith("kubectl apply --dry-run=client -f spark.yaml shows the same error");
        assertThat(fixture.notPassed()).containsOnlyKeys(TYPE);
    }

    @Test
    void noYamlParses_fails() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).delete("spark-commented.yaml")
                .write("spark.yaml", "kind: Service\n\tname: tabs\n");

        assertThat(fixture.run(TYPE).status()).isEqualTo(CheckStatus.FAILED);
    }

    @Test
    void noYamlFile_fails() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).delete("spark.yaml").delete("spark-commented.yaml");

        assertThat(fixture.run(TYPE)).isEqualTo(CheckOutcome.fail("no *.yaml or *.yml file in the submission",
                "add the YAML files of exercise 3 to the submission"));
    }
}
