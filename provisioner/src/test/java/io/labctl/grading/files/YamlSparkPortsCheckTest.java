package io.labctl.grading.files;

import io.labctl.grading.checks.CheckStatus;
import io.labctl.grading.checks.CheckOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Tier: unit. */
class YamlSparkPortsCheckTest {
    static final String TYPE = "yaml-spark-ports";
    static final String RPC_PORT = "    - name: rpc\n      port: 7077\n      targetPort: 7077\n";

    @TempDir
    Path dir;

    @Test
    void reference_passes_namingContainerAndService() {
        CheckOutcome outcome = SubmissionFixture.reference(dir).run(TYPE);

        assertThat(outcome.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(outcome.observed()).matches("containerPort 7077: Deployment spark-master \\(spark.yaml:\\d+\\)"
                + " container spark-master; Service port 7077: Service spark-master-svc \\(spark.yaml:\\d+\\)"
                + " type NodePort");
    }

    @Test
    void serviceWithout7077_losesTheServiceAndOutsideParts_only() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).replaceInYaml(RPC_PORT, "");

        CheckOutcome outcome = fixture.run(TYPE);

        assertThat(outcome.status()).isEqualTo(CheckStatus.PARTIAL);
        assertThat(outcome.fraction()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(outcome.observed()).endsWith("; no Service has port 7077 (Services: spark-master-svc [8080])");
        assertThat(outcome.hint()).isEqualTo("add a Service for the master with ports: [{port: 7077, targetPort: 7077}]"
                + " and type: NodePort, so 7077 is reachable inside and outside the cluster");
        // The workers' spark://spark-master-svc:7077 then leads nowhere either.
        assertThat(fixture.notPassed()).containsOnlyKeys(TYPE, "yaml-references");
    }

    @Test
    void clusterIpService_losesTheOutsidePart_only() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).replaceInYaml("type: NodePort", "type: ClusterIP");

        CheckOutcome outcome = fixture.run(TYPE);

        assertThat(outcome.status()).isEqualTo(CheckStatus.PARTIAL);
        assertThat(outcome.fraction()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(outcome.hint()).isEqualTo("Service spark-master-svc is ClusterIP, reachable only inside the cluster:"
                + " make it type: NodePort (or LoadBalancer) so the host can reach port 7077"
                + " (minikube service list shows the address)");
        assertThat(fixture.notPassed()).containsOnlyKeys(TYPE);
    }

    @Test
    void noType_isClusterIp_loadBalancerIsOutside() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).replaceInYaml("  type: NodePort\n", "");
        assertThat(fixture.run(TYPE).hint()).startsWith("Service spark-master-svc is ClusterIP");

        fixture.writeYaml(SubmissionFixture.YAML.replace("type: NodePort", "type: LoadBalancer"));
        assertThat(fixture.run(TYPE).status()).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void masterWithoutContainerPort_losesThatPart() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).replaceInYaml("- containerPort: 7077", "- containerPort: 7078");

        CheckOutcome outcome = fixture.run(TYPE);

        assertThat(outcome.fraction()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(outcome.observed()).startsWith("no container declares containerPort 7077; ");
        assertThat(outcome.hint()).isEqualTo("declare the master's port in its container: ports: [{containerPort: 7077}]");
    }

    @Test
    void portParam_changesThePort() {
        CheckOutcome outcome = SubmissionFixture.reference(dir).run(TYPE, Map.of("port", 8080));

        assertThat(outcome.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(outcome.observed()).startsWith("containerPort 8080: Deployment spark-master");
    }
}
