package io.labctl.grading.files;

import io.labctl.grading.checks.CheckStatus;
import io.labctl.grading.checks.LabValidationException;
import io.labctl.grading.checks.CheckOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tier: unit. */
class YamlReplicasCheckTest {
    static final String TYPE = "yaml-replicas";
    static final Map<String, Object> TWO_WORKERS = Map.of("role", "worker", "replicas", 2);

    @TempDir
    Path dir;

    @Test
    void reference_passes_namingTheAppliedCopy() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir);
        // the worker is the second document of spark.yaml; the commented copy is not the one applied
        int plain = fixture.line("spark.yaml", "---") + 1;

        assertThat(fixture.run(TYPE, TWO_WORKERS)).isEqualTo(CheckOutcome.pass(
                "Deployment spark-worker (spark.yaml:" + plain + "): replicas 2"));
    }

    @Test
    void oneWorker_failsWithHint() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).replaceInYaml("replicas: 2", "replicas: 1");

        CheckOutcome outcome = fixture.run(TYPE, TWO_WORKERS);

        assertThat(outcome.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(outcome.observed()).contains("Deployment spark-worker (spark.yaml:", "): replicas 1");
        assertThat(outcome.hint()).isEqualTo("Deployment spark-worker runs 1 replica(s); the lab asks for 2:"
                + " set spec.replicas: 2");
    }

    @Test
    void noReplicasField_isOne() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).replaceInYaml("  replicas: 2\n", "");

        assertThat(fixture.run(TYPE, TWO_WORKERS).observed()).contains("replicas not set (1)");
        assertThat(fixture.run(TYPE, Map.of("role", "worker", "replicas", 1)).status()).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void scaledCopyInASubfolder_theTopLevelFileIsTheAppliedOne() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir)
                .write("exercise4/spark-scaled.yaml", SubmissionFixture.YAML.replace("replicas: 2", "replicas: 3"));

        assertThat(fixture.run(TYPE, TWO_WORKERS).status()).isEqualTo(CheckStatus.PASSED);
        CheckOutcome three = fixture.run(TYPE, Map.of("role", "worker", "replicas", 3));
        assertThat(three.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(three.observed()).contains("Deployment spark-worker (spark.yaml:").doesNotContain("spark-scaled");
    }

    @Test
    void noDeploymentWithTheRole_failsListingTheDeployments() {
        CheckOutcome outcome = SubmissionFixture.reference(dir).run(TYPE, Map.of("role", "executor", "replicas", 2));

        assertThat(outcome).isEqualTo(CheckOutcome.fail(
                "no Deployment whose name contains 'executor' (Deployments: spark-master, spark-worker)",
                "name the executor Deployment so it says what it runs (e.g. spark-executor)"));
    }

    @Test
    void params_roleAndReplicasRequired_replicasAWholeNumber() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir);

        assertThatThrownBy(() -> fixture.run(TYPE, Map.of("replicas", 2))).isInstanceOf(LabValidationException.class)
                .hasMessage("test.yaml: yaml-replicas: params.role is required");
        assertThatThrownBy(() -> fixture.run(TYPE, Map.of("role", "worker"))).isInstanceOf(LabValidationException.class)
                .hasMessage("test.yaml: yaml-replicas: params.replicas is required (a whole number, 0 or more)");
        assertThatThrownBy(() -> fixture.run(TYPE, Map.of("role", "worker", "replicas", "two")))
                .isInstanceOf(LabValidationException.class)
                .hasMessage("test.yaml: yaml-replicas: params.replicas must be a whole number, not 'two'");
    }
}
