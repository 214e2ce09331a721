package io.labctl.grading.live;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.labctl.grading.CheckResult;
import io.labctl.grading.checks.CheckStatus;
import io.labctl.grading.checks.LabValidationException;
import io.labctl.grading.checks.CheckOutcome;
import io.labctl.kube.KubeSession;
import io.labctl.kube.MockApiTest;
import io.labctl.kube.MockKubeconfig;
import io.labctl.spark.standalone.MasterJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.labctl.grading.live.LiveChecks.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tier: unit, mock API server (fabric8's, CRUD mode, one per class; a namespace per test). Two student clusters in one
 * namespace, {@code spark} (pods on 10.244.1.0/24) and {@code spark-b} (10.244.2.0/24); each master's {@code /json/}
 * is served on its pod proxy path, so which workers registered where is what the masters say.
 */
@MockApiTest
@EnableKubernetesMockClient(crud = true, https = false)
class ClustersIsolatedCheckTest {
    static KubernetesMockServer server;
    static KubernetesClient client; // seeds the clusters, as their student would
    static KubeSession grader;      // reads them, as labctl's grading does

    private static final String HINT_END = ": give each cluster its own names and an instance label in every selector, "
            + "and point each cluster's workers at its own master Service";

    @BeforeAll
    static void connectTheGrader() {
        grader = MockKubeconfig.connect(server);
    }

    /** Before the extension stops the server, so no request of ours is still open then. */
    @AfterAll
    static void closeClientsFirst() {
        grader.close();
        client.close();
    }

    private static CheckOutcome evaluate(String ns) {
        return new ClustersIsolatedCheck(params("namespace", ns, "clusters", List.of("spark", "spark-b")))
                .evaluate(LiveChecks.context(grader.client()));
    }

    @Test
    void evaluate_eachMasterWithOnlyItsOwnWorkers_passes() {
        String ns = LiveChecks.namespace();
        StudentCluster.healthy(ns, "spark", 2).seed(server, client);
        StudentCluster.healthy(ns, "spark-b", 1, "10.244.2").seed(server, client);

        CheckOutcome outcome = evaluate(ns);

        assertThat(outcome).isEqualTo(CheckOutcome.pass("spark: ALIVE workers by cluster {spark=2}; spark-b: ALIVE "
                + "workers by cluster {spark-b=1}"));
    }

    @Test
    void evaluate_theSecondClustersWorkerRegisteredWithTheFirstMaster_failsBoth() {
        // spark-b's worker Deployment points at spark's master Service: spark's master lists it, spark-b's has none.
        String ns = LiveChecks.namespace();
        StudentCluster.healthy(ns, "spark", 2)
                .masterJson(MasterJson.master("spark://10.244.1.10:7077").alive("10.244.1.11", "10.244.1.12", "10.244.2.11"))
                .seed(server, client);
        StudentCluster.healthy(ns, "spark-b", 1, "10.244.2")
                .masterJson(MasterJson.master("spark://10.244.2.10:7077")).seed(server, client);

        CheckOutcome outcome = evaluate(ns);

        assertThat(outcome).isEqualTo(CheckOutcome.fail("spark: ALIVE workers by cluster {spark=2, spark-b=1}; spark-b: "
                + "ALIVE workers by cluster {}", "master of spark has workers of [spark-b]; cluster spark-b has no ALIVE "
                + "worker" + HINT_END));
    }

    @Test
    void evaluate_oneMasterNotListening_earnsTheOtherClustersHalf() {
        String ns = LiveChecks.namespace();
        StudentCluster.healthy(ns, "spark", 2).seed(server, client);
        StudentCluster.healthy(ns, "spark-b", 1, "10.244.2").masterNotListening().seed(server, client);

        CheckOutcome outcome = evaluate(ns);

        assertThat(outcome).isEqualTo(new CheckOutcome(CheckStatus.PARTIAL, 0.5, "spark: ALIVE workers by cluster "
                + "{spark=2}; spark-b: master not answering", "cluster spark-b has no answering master" + HINT_END));
    }

    @Test
    void evaluate_aWorkerOfNeitherCluster_isNamedByItsAddress() {
        String ns = LiveChecks.namespace();
        StudentCluster.healthy(ns, "spark", 1)
                .masterJson(MasterJson.master("spark://10.244.1.10:7077").alive("10.244.1.11", "10.244.9.9"))
                .seed(server, client);
        StudentCluster.healthy(ns, "spark-b", 1, "10.244.2").seed(server, client);

        CheckOutcome outcome = evaluate(ns);

        assertThat(outcome).isEqualTo(new CheckOutcome(CheckStatus.PARTIAL, 0.5, "spark: ALIVE workers by cluster "
                + "{spark=1, unknown 10.244.9.9=1}; spark-b: ALIVE workers by cluster {spark-b=1}",
                "master of spark has workers of [unknown 10.244.9.9]" + HINT_END));
    }

    @Test
    void evaluate_deadEntriesOfTheOtherCluster_doNotCount() {
        String ns = LiveChecks.namespace();
        StudentCluster.healthy(ns, "spark", 1)
                .masterJson(MasterJson.master("spark://10.244.1.10:7077").alive("10.244.1.11").dead("10.244.2.11"))
                .seed(server, client);
        StudentCluster.healthy(ns, "spark-b", 1, "10.244.2").seed(server, client);

        CheckOutcome outcome = evaluate(ns);

        assertThat(outcome.status()).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void new_fewerThanTwoClusters_isALabFileError() {
        assertThatThrownBy(() -> new ClustersIsolatedCheck(params("namespace", "lab", "clusters", List.of("spark"))))
                .isInstanceOf(LabValidationException.class)
                .hasMessage("labs/test.yaml: ex.check: params.clusters must name at least two clusters");
    }

    @Test
    void graded_clusterStopsAnswering_isNotGradable() {
        try (KubernetesClient gone = LiveChecks.unreachableClient()) {
            CheckResult result = LiveChecks.graded(gone, "clusters-isolated", "namespace", "lab",
                    "clusters", List.of("spark", "spark-b"));

            assertThat(result).usingRecursiveComparison().ignoringFields("millis").isEqualTo(LiveChecks.notGradable(gone));
        }
    }

    @Test
    void graded_proxyForbidden_isAnErrorNamingTheGraderRole() {
        String ns = LiveChecks.namespace();
        StudentCluster.healthy(ns, "spark", 1).proxyForbidden().seed(server, client);
        StudentCluster.healthy(ns, "spark-b", 1, "10.244.2").proxyForbidden().seed(server, client);

        CheckResult result = LiveChecks.graded(grader.client(), "clusters-isolated", "namespace", ns,
                "clusters", List.of("spark", "spark-b"));

        assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(result.observed()).endsWith("(the grading identity needs get on pods/proxy: kubectl apply -f "
                + "manifests/grading/grader-rbac.yaml)");
    }
}
