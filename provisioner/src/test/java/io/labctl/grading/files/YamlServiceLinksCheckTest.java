package io.labctl.grading.files;

import io.labctl.grading.checks.CheckStatus;
import io.labctl.grading.checks.CheckOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class YamlServiceLinksCheckTest {
    static final String TYPE = "yaml-service-links";
    static final String POD_SPEC = "    spec:\n      containers:";

    @TempDir
    Path dir;

    @Test
    void reference_passes_theServiceVariableIsNotSparks() {
        assertThat(SubmissionFixture.reference(dir).run(TYPE))
                .isEqualTo(CheckOutcome.pass("Service spark-master-svc sets SPARK_MASTER_SVC_PORT (not read by Spark)"));
    }

    @Test
    void serviceNamedSparkMaster_onlyThisCheckFails_withHint() {
        // The Service and the workers' spark:// renamed together: the one mistake is the name itself.
        SubmissionFixture fixture = SubmissionFixture.reference(dir).replaceInYaml("spark-master-svc", "spark-master");

        CheckOutcome outcome = fixture.run(TYPE);

        assertThat(outcome.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(outcome.observed()).matches("Service spark-master \\(spark.yaml:\\d+\\) sets"
                + " SPARK_MASTER_PORT=tcp://IP:7077 in Deployment spark-master, Deployment spark-worker");
        assertThat(outcome.hint()).isEqualTo("Service 'spark-master' makes Kubernetes inject"
                + " SPARK_MASTER_PORT=tcp://IP:7077 into every pod of the namespace, which Spark cannot parse:"
                + " rename it (e.g. spark-master-svc) or set enableServiceLinks: false");
        assertThat(fixture.notPassed()).containsOnlyKeys(TYPE);
    }

    @Test
    void serviceNamedSparkMaster_passesWhenEveryPodDisablesServiceLinks() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir)
                .replaceInYaml("name: spark-master-svc", "name: spark-master")
                .replaceInYaml(POD_SPEC, "    spec:\n      enableServiceLinks: false\n      containers:");

        assertThat(fixture.run(TYPE)).isEqualTo(CheckOutcome.pass("Service spark-master sets SPARK_MASTER_PORT, but"
                + " every pod template sets enableServiceLinks: false or SPARK_MASTER_PORT itself"));
    }

    @Test
    void explicitEnv_shieldsOnlyTheDeploymentThatSetsIt() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir)
                .replaceInYaml("name: spark-master-svc", "name: spark-master")
                .replaceInYaml("          imagePullPolicy: IfNotPresent\n          ports:",
                        "          imagePullPolicy: IfNotPresent\n          env:\n            - name: SPARK_MASTER_PORT\n"
                                + "              value: \"7077\"\n          ports:");

        CheckOutcome outcome = fixture.run(TYPE);

        assertThat(outcome.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(outcome.observed()).endsWith("SPARK_MASTER_PORT=tcp://IP:7077 in Deployment spark-worker");
    }

    @Test
    void serviceNamedSparkWorker_breaksTheWorkersVariable() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir)
                .write("worker-ui.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: spark-worker-webui\n"
                        + "spec:\n  selector:\n    component: worker\n  ports:\n    - port: 8081\n");

        assertThat(fixture.run(TYPE).hint()).startsWith("Service 'spark-worker-webui' makes Kubernetes inject"
                + " SPARK_WORKER_WEBUI_PORT=tcp://IP:8081 into every pod");
    }
}
