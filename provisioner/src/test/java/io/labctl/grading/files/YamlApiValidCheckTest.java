package io.labctl.grading.files;

import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tier: unit (offline: the vendored OpenAPI schema of Kubernetes 1.34). One mistake at a time in the reference's YAML,
 * each refused as the API server would refuse it, with file:line; the server-side variant runs in
 * GradingKubectlReferenceIT.
 */
class YamlApiValidCheckTest {
    static final String TYPE = "yaml-api-valid";

    @TempDir
    Path dir;

    @Test
    void reference_everyObjectValid_sayingWhatJudgedIt() {
        CheckOutcome outcome = SubmissionFixture.reference(dir).run(TYPE);

        assertThat(outcome.status()).as(outcome.observed()).isEqualTo(CheckStatus.PASSED);
        assertThat(outcome.observed()).isEqualTo("3 objects valid, checked with the OpenAPI schema of Kubernetes"
                + " v1.34.4 (offline; --validate-on CONTEXT asks an API server)");
    }

    @Test
    void misspeltField_isAnUnknownField_atItsLine() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).replaceInYaml("  replicas: 2", "  replica: 2");

        CheckOutcome outcome = fixture.run(TYPE);

        assertThat(outcome.status()).isEqualTo(CheckStatus.PARTIAL);
        assertThat(outcome.fraction()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(outcome.observed()).startsWith("spark.yaml:" + fixture.line("spark.yaml", "  replica: 2")
                + " Deployment spark-worker: spec.replica: unknown field \"replica\"");
        assertThat(outcome.hint()).isEqualTo("fix spark.yaml:" + fixture.line("spark.yaml", "  replica: 2")
                + " (spec.replica: unknown field \"replica\"); kubectl apply --dry-run=server -f spark.yaml shows the same");
    }

    @Test
    void portAsText_isTheWrongType() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).replaceInYaml("- containerPort: 7077",
                "- containerPort: \"7077\"");

        assertThat(fixture.run(TYPE).observed()).contains("Deployment spark-master:"
                + " spec.template.spec.containers[0].ports[0].containerPort: must be an integer, not \"7077\"");
    }

    @Test
    void serviceNameWithCapitals_isAnInvalidName() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).replaceInYaml("spark-master-svc", "Spark-Master");

        assertThat(fixture.run(TYPE).observed()).contains("Service Spark-Master: metadata.name: Invalid value:"
                + " \"Spark-Master\": a DNS-1035 label");
    }

    @Test
    void apiVersionNoLongerServed_namesTheOneThatIs() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).replace("spark.yaml", "apiVersion: apps/v1\nkind:"
                + " Deployment\nmetadata:\n  name: spark-master", "apiVersion: extensions/v1beta1\nkind: Deployment\n"
                + "metadata:\n  name: spark-master");

        assertThat(fixture.run(TYPE).observed()).contains("Deployment spark-master: apiVersion: no kind \"Deployment\""
                + " is served in version \"extensions/v1beta1\"; Kubernetes v1.34.4 serves it as apps/v1");
    }

    @Test
    void missingRequiredField_isNamed() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).replaceInYaml(
                "        - name: spark-worker\n          image:", "        - image:");

        assertThat(fixture.run(TYPE).observed()).contains("spec.template.spec.containers[0].name: Required value");
    }
}
