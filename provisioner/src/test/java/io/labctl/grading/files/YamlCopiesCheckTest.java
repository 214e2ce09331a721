package io.labctl.grading.files;

import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Tier: unit. One object, one truth: the commented copy must set every field as the applied YAML does. */
class YamlCopiesCheckTest {
    static final String TYPE = "yaml-copies-agree";

    @TempDir
    Path dir;

    @Test
    void reference_everyCopyAgrees_namingBothFiles() {
        CheckOutcome outcome = SubmissionFixture.reference(dir).run(TYPE);

        assertThat(outcome.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(outcome.observed()).startsWith("Deployment spark-master: copies agree (spark.yaml:1, spark-commented.yaml:");
    }

    @Test
    void commentedCopyWithAnotherImage_isAFindingWithBothFilesLinesAndTheField() {
        // Given the applied spark.yaml with another worker image than the commented copy
        SubmissionFixture fixture = SubmissionFixture.reference(dir).replace("spark.yaml", "spark-worker:3.5.7",
                "spark-worker:3.5.6");

        // When graded
        CheckOutcome outcome = fixture.run(TYPE);

        // Then only the worker Deployment disagrees, with both places and values
        assertThat(outcome.status()).isEqualTo(CheckStatus.PARTIAL);
        assertThat(outcome.fraction()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(outcome.observed()).contains("Deployment spark-worker: spark-commented.yaml:").contains(
                "in 1 field(s): spec.template.spec.containers[0].image: labctl/spark-worker:3.5.6 in spark.yaml:"
                + fixture.line("spark.yaml", "          image: labctl/spark-worker") + ", labctl/spark-worker:3.5.7 in"
                + " spark-commented.yaml:" + fixture.line("spark-commented.yaml", "          image: labctl/spark-worker"));
        assertThat(outcome.hint()).contains("Deployment spark-worker").doesNotContain("\n");
    }

    @Test
    void otherReplicasInACopy_isNoDisagreement_exerciseFourScalesThatWay() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).replace("spark-commented.yaml", "replicas: 2",
                "replicas: 3");

        assertThat(fixture.run(TYPE).status()).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void otherChecks_gradeTheAppliedCopy_notTheBestLookingOne() {
        // The applied file asks for 3 workers; only the commented copy has the 2 the lab asks for.
        SubmissionFixture fixture = SubmissionFixture.reference(dir).replace("spark.yaml", "replicas: 2", "replicas: 3");

        assertThat(fixture.notPassed()).containsOnlyKeys("yaml-replicas");
        assertThat(fixture.runLab("yaml-replicas").observed()).contains("spark.yaml").doesNotContain("spark-commented");
    }

    @Test
    void fieldOnlyInTheCommentedCopy_isADifferenceToo() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).replace("spark-commented.yaml",
                "      imagePullPolicy: IfNotPresent\n", "      imagePullPolicy: IfNotPresent\n          stdin: true\n");

        CheckOutcome outcome = fixture.run(TYPE);

        assertThat(outcome.observed()).contains("stdin: not set in spark.yaml");
    }
}
