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
class YamlKindsCheckTest {
    static final String TYPE = "yaml-kinds";

    @TempDir
    Path dir;

    @Test
    void reference_passes_countingTheCommentedCopyOnce() {
        assertThat(SubmissionFixture.reference(dir).run(TYPE)).isEqualTo(CheckOutcome.pass(
                "Deployment: 2 [spark-master, spark-worker]; Service: 1 [spark-master-svc]"));
    }

    @Test
    void onlyTheMasterDeployment_losesTheDeploymentPart() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir)
                .writeYaml(SubmissionFixture.YAML.substring(0, SubmissionFixture.YAML.indexOf("---"))
                        + SubmissionFixture.YAML.substring(SubmissionFixture.YAML.lastIndexOf("---")));

        CheckOutcome outcome = fixture.run(TYPE);

        assertThat(outcome).isEqualTo(new CheckOutcome(CheckStatus.PARTIAL, 0.5,
                "Deployment: 1 [spark-master]; Service: 1 [spark-master-svc]",
                "found 1 Deployment, the lab asks for at least 2"));
    }

    @Test
    void miscasedKind_isNamedInTheHint() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).replaceInYaml("kind: Service", "kind: service");

        assertThat(fixture.run(TYPE).hint())
                .isEqualTo("found 0 Service, the lab asks for at least 1 ('service' must be written 'Service')");
    }

    @Test
    void requireParam_kindsAndMinimums() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir);

        assertThat(fixture.run(TYPE, Map.of("require", Map.of("Deployment", 3))).status()).isEqualTo(CheckStatus.FAILED);
        assertThat(fixture.run(TYPE, Map.of("require", Map.of("Service", "1"))).status()).isEqualTo(CheckStatus.PASSED);
        assertThatThrownBy(() -> fixture.run(TYPE, Map.of("require", Map.of("Deployment", "many"))))
                .isInstanceOf(LabValidationException.class)
                .hasMessage("test.yaml: yaml-kinds: params.require.Deployment must be a whole number of at least 1, not 'many'");
        assertThatThrownBy(() -> fixture.run(TYPE, Map.of("require", "Deployment")))
                .isInstanceOf(LabValidationException.class)
                .hasMessage("test.yaml: yaml-kinds: params.require must be a map, not 'Deployment'");
    }

    @Test
    void noKubernetesObject_failsNamingTheFiles() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).delete("spark-commented.yaml")
                .write("spark.yaml", "workers: 2\n");

        assertThat(fixture.run(TYPE).observed()).isEqualTo("no Kubernetes object (a YAML document with kind:) in spark.yaml");
    }
}
