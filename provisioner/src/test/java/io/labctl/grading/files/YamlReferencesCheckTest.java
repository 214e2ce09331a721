package io.labctl.grading.files;

import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier: unit. The reference submission's references all resolve; each test makes one mistake in it (in spark.yaml and
 * its commented copy alike, so that only this check notices) and expects the finding with file:line, what it points
 * at, what exists instead, what the pod will do, and the fix in one line.
 */
class YamlReferencesCheckTest {
    static final String TYPE = "yaml-references";

    @TempDir
    Path dir;

    @Test
    void reference_everyReferenceResolves_andNoImageWarning() {
        CheckOutcome outcome = SubmissionFixture.reference(dir).run(TYPE);

        assertThat(outcome.status()).as(outcome.observed()).isEqualTo(CheckStatus.PASSED);
        assertThat(outcome.observed()).isEqualTo("3 of 3 references resolve");
    }

    @Test
    void sparkUrl_toAMisspeltService_saysTheWorkersNeverRegister_andSuggestsTheService() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir)
                .replaceInYaml("value: spark://spark-master-svc:7077", "value: spark://spark-mastr-svc:7077");

        CheckOutcome outcome = fixture.run(TYPE);

        assertThat(outcome.status()).isEqualTo(CheckStatus.PARTIAL);
        assertThat(outcome.observed()).startsWith("spark.yaml:" + fixture.line("spark.yaml", "              value: spark")
                + " Deployment spark-worker env SPARK_MASTER_URL spark://spark-mastr-svc:7077: the workers will try"
                + " spark://spark-mastr-svc:7077 and never register: no Service named spark-mastr-svc (Services:"
                + " spark-master-svc); did you mean spark-master-svc?");
        assertThat(outcome.hint()).isEqualTo("point env SPARK_MASTER_URL at the master's Service:"
                + " spark://spark-master-svc:7077").doesNotContain("\n");
        assertThat(fixture.notPassed()).containsOnlyKeys(TYPE);
    }

    @Test
    void sparkUrl_withTheServicesFullDnsName_resolves() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).replaceInYaml("value: spark://spark-master-svc:7077",
                "value: spark://spark-master-svc.lab3.svc.cluster.local:7077");

        assertThat(fixture.run(TYPE).status()).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void sparkUrl_toAPortTheServiceDoesNotHave_namesItsPorts() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir)
                .replaceInYaml("value: spark://spark-master-svc:7077", "value: spark://spark-master-svc:7078");

        CheckOutcome outcome = fixture.run(TYPE);

        assertThat(outcome.observed()).contains("Service spark-master-svc has no port 7078 (ports [7077, 8080])");
        assertThat(outcome.hint()).isEqualTo("use the Service's 7077 port: spark://spark-master-svc:7077");
    }

    @Test
    void targetPort_namedPortMissingOnTheMaster_isAFindingWithFileAndLine() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir)
                .replaceInYaml("      port: 7077\n      targetPort: 7077", "      port: 7077\n      targetPort: spark-rpc");

        CheckOutcome outcome = fixture.run(TYPE);

        assertThat(outcome.status()).isEqualTo(CheckStatus.PARTIAL);
        int line = fixture.line("spark.yaml", "      targetPort: spark-rpc");
        assertThat(outcome.observed()).contains("spark.yaml:" + line + " Service spark-master-svc port 7077 targetPort"
                + " spark-rpc: no container of Deployment spark-master (declares 7077, 8080) has a port named spark-rpc,"
                + " so the Service has no endpoints for it");
        // The workers' spark:// leads to that port, so it dangles too: what they will do is said there.
        assertThat(outcome.observed()).contains("leads to spark-rpc in the master, where Spark listens on 7077");
        assertThat(outcome.hint()).startsWith("set targetPort to a port the pods declare (7077, 8080)");
    }

    @Test
    void targetPort_numberNoContainerDeclares_isAFinding() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir)
                .replaceInYaml("      port: 8080\n      targetPort: 8080", "      port: 8080\n      targetPort: 8088");

        CheckOutcome outcome = fixture.run(TYPE);

        assertThat(outcome.observed()).contains("Service spark-master-svc port 8080 targetPort 8088: no container of"
                + " Deployment spark-master (declares 7077, 8080) declares containerPort 8088");
        assertThat(fixture.notPassed()).containsOnlyKeys(TYPE);
    }

    @Test
    void configMapThatIsNotSubmitted_saysThePodStaysInCreateContainerConfigError() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).replaceInYaml(
                "            - name: SPARK_MASTER_URL\n              value: spark://spark-master-svc:7077",
                "            - name: SPARK_MASTER_URL\n              value: spark://spark-master-svc:7077\n"
                        + "            - name: SPARK_WORKER_CORES\n              valueFrom:\n"
                        + "                configMapKeyRef: {name: spark-config, key: cores}");

        CheckOutcome outcome = fixture.run(TYPE);

        assertThat(outcome.observed()).contains("Deployment spark-worker env SPARK_WORKER_CORES -> ConfigMap spark-config:"
                + " the pod stays in CreateContainerConfigError: configmap \"spark-config\" not found in the submission");
        assertThat(outcome.hint()).isEqualTo("submit the ConfigMap spark-config with the manifests, or name one that is"
                + " submitted");
    }

    @Test
    void serviceAccountThatIsNotSubmitted_saysNoPodIsCreated() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).replaceInYaml(
                "      containers:\n        - name: spark-worker",
                "      serviceAccountName: spark\n      containers:\n        - name: spark-worker");

        CheckOutcome outcome = fixture.run(TYPE);

        assertThat(outcome.observed()).contains("Deployment spark-worker serviceAccountName spark: no pod is ever"
                + " created: the ReplicaSet is refused with serviceaccount \"spark\" not found");
        assertThat(outcome.hint()).startsWith("submit a ServiceAccount spark or leave serviceAccountName out");
    }

    @Test
    void imageNoDockerfileBuilds_isOnlyAWarning() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir)
                .replaceInYaml("image: labctl/spark-worker:3.5.7", "image: bitnami/spark:3.5.1");

        CheckOutcome outcome = fixture.run(TYPE);

        assertThat(outcome.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(outcome.observed()).contains("warning: spark.yaml:" + fixture.line("spark.yaml",
                        "          image: bitnami") + " image bitnami/spark:3.5.1 (Deployment spark-worker): no submitted"
                + " Dockerfile builds it");
    }
}
