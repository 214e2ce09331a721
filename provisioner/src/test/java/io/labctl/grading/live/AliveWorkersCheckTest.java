package io.labctl.grading.live;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.labctl.grading.CheckResult;
import io.labctl.grading.checks.CheckStatus;
import io.labctl.grading.checks.CheckOutcome;
import io.labctl.spark.standalone.MasterJson;
import io.labctl.kube.KubeSession;
import io.labctl.kube.MockApiTest;
import io.labctl.kube.MockKubeconfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.labctl.grading.live.LiveChecks.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier: unit, mock API server (fabric8's, CRUD mode, one per class; a namespace per test). The master's
 * {@code /json/} is served on the pod proxy path as a mock expectation, in Spark 3.5's format with DEAD entries kept.
 */
@MockApiTest
@EnableKubernetesMockClient(crud = true, https = false)
class AliveWorkersCheckTest {
    static KubernetesMockServer server;
    static KubernetesClient client; // seeds the cluster, as its student would
    static KubeSession grader;      // reads it, as labctl's grading does

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

    private static CheckOutcome evaluate(StudentCluster cluster, Object... more) {
        return new AliveWorkersCheck(params(cluster, more)).evaluate(LiveChecks.context(grader.client()));
    }

    private static String scaleHint(String ns, int alive) {
        return "only " + alive + " ALIVE; scale the workers to 2 (kubectl scale deployment spark-worker -n " + ns
                + " --replicas=2) and check that they reach spark://MASTER-SERVICE:7077 (kubectl logs)";
    }

    @Test
    void evaluate_twoAliveBesideADeadEntry_passes_countingAliveOnly() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2).seed(server, client);

        CheckOutcome outcome = evaluate(cluster, "count", 2);

        assertThat(outcome).isEqualTo(CheckOutcome.pass("master spark://10.244.1.10:7077 reports 2 ALIVE worker(s) of 3 "
                + "listed [10.244.1.11, 10.244.1.12] (want exactly 2)"));
    }

    @Test
    void evaluate_oneOfTwoAlive_earnsHalf_withTheScaleHint() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2);
        cluster.masterJson(MasterJson.master("spark://10.244.1.10:7077").alive("10.244.1.11").dead("10.244.1.12", "10.244.1.99"))
                .seed(server, client);

        CheckOutcome outcome = evaluate(cluster, "count", 2);

        assertThat(outcome).isEqualTo(new CheckOutcome(CheckStatus.PARTIAL, 0.5, "master spark://10.244.1.10:7077 reports "
                + "1 ALIVE worker(s) of 3 listed [10.244.1.11] (want exactly 2)", scaleHint(cluster.namespace(), 1)));
    }

    @Test
    void evaluate_onlyDeadEntries_fails_withTheScaleHint() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2);
        cluster.masterJson(MasterJson.master("spark://10.244.1.10:7077").dead("10.244.1.11", "10.244.1.12"))
                .seed(server, client);

        CheckOutcome outcome = evaluate(cluster, "count", 2);

        assertThat(outcome).isEqualTo(CheckOutcome.fail("master spark://10.244.1.10:7077 reports 0 ALIVE worker(s) of 2 "
                + "listed [] (want exactly 2)", scaleHint(cluster.namespace(), 0)));
    }

    @Test
    void evaluate_moreAliveThanExactlyAsked_fails_becauseAnotherClustersWorkersRegistered() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2);
        cluster.masterJson(MasterJson.master("spark://10.244.1.10:7077").alive("10.244.1.11", "10.244.1.12", "10.244.2.11"))
                .seed(server, client);

        CheckOutcome outcome = evaluate(cluster, "count", 2);

        assertThat(outcome).isEqualTo(CheckOutcome.fail("master spark://10.244.1.10:7077 reports 3 ALIVE worker(s) of 3 "
                + "listed [10.244.1.11, 10.244.1.12, 10.244.2.11] (want exactly 2)", "more workers registered than the 2 "
                + "asked for: workers of another cluster reach this master; every selector and master URL must name this "
                + "cluster only"));
    }

    @Test
    void evaluate_moreAliveThanAtLeastAsked_passes() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 3).seed(server, client);

        CheckOutcome outcome = evaluate(cluster, "count", 2, "exact", false);

        assertThat(outcome).isEqualTo(CheckOutcome.pass("master spark://10.244.1.10:7077 reports 3 ALIVE worker(s) of 4 "
                + "listed [10.244.1.11, 10.244.1.12, 10.244.1.13] (want at least 2)"));
    }

    @Test
    void evaluate_masterNotListening_failsNamingTheMasterPod_andHowToSeeItsLogs() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2).masterNotListening()
                .seed(server, client);

        CheckOutcome outcome = evaluate(cluster, "count", 2);

        assertThat(outcome).isEqualTo(CheckOutcome.fail("the master of spark did not answer on :8080/json/ (master pod: "
                + cluster.masterPodName() + ")", "the Spark master is not running or its UI is not on 8080; check "
                + "kubectl logs deploy/spark-master -n " + cluster.namespace()));
    }

    @Test
    void evaluate_masterPodNotRunning_failsSayingNoneRuns_withoutAskingTheProxy() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2)
                .masterPod(p -> new PodBuilder(p).editStatus().withPhase("Pending").endStatus().build())
                .seed(server, client);

        CheckOutcome outcome = evaluate(cluster, "count", 2);

        assertThat(outcome.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(outcome.observed()).isEqualTo("the master of spark did not answer on :8080/json/ (master pod: none running)");
    }

    @Test
    void graded_clusterStopsAnswering_isNotGradable_notAZero() {
        try (KubernetesClient gone = LiveChecks.unreachableClient()) {
            CheckResult result = LiveChecks.graded(gone, "alive-workers", "namespace", "lab", "cluster", "spark");

            assertThat(result).usingRecursiveComparison().ignoringFields("millis").isEqualTo(LiveChecks.notGradable(gone));
        }
    }

    @Test
    void graded_proxyForbidden_isAnErrorForAPerson_namingTheGraderRole() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2).proxyForbidden()
                .seed(server, client);

        CheckResult result = LiveChecks.graded(grader.client(), "alive-workers", "namespace", cluster.namespace(), "cluster", "spark");

        assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(result.points()).isZero();
        assertThat(result.hint()).isNull();
        assertThat(result.observed())
                .startsWith("the grader could not read the Spark master through the API server's proxy: HTTP 403 from "
                        + grader.server() + "api/v1/namespaces/" + cluster.namespace() + "/pods/"
                        + cluster.masterPodName() + ":8080/proxy/json/")
                .contains("cannot get resource \\\"pods/proxy\\\"")
                .endsWith("(the grading identity needs get on pods/proxy: kubectl apply -f "
                        + "manifests/grading/grader-rbac.yaml)");
    }
}
