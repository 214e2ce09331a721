package io.labctl.grading.live;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.labctl.grading.CheckResult;
import io.labctl.grading.checks.CheckStatus;
import io.labctl.grading.checks.CheckOutcome;
import io.labctl.kube.KubeSession;
import io.labctl.kube.MockApiTest;
import io.labctl.kube.MockKubeconfig;
import io.labctl.spark.standalone.MasterJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.labctl.grading.live.LiveChecks.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier: unit, mock API server (fabric8's, CRUD mode, one per class; a namespace per test). The master's
 * {@code /json/} is served on the pod proxy path as a mock expectation, in Spark 3.5's format.
 */
@MockApiTest
@EnableKubernetesMockClient(crud = true, https = false)
class AppFinishedCheckTest {
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
        return new AppFinishedCheck(params(cluster, more)).evaluate(LiveChecks.context(grader.client()));
    }

    private static StudentCluster withApps(MasterJson json) {
        return StudentCluster.healthy(LiveChecks.namespace(), "spark", 2).masterJson(json).seed(server, client);
    }

    private static MasterJson master() {
        return MasterJson.master("spark://10.244.1.10:7077").alive("10.244.1.11", "10.244.1.12");
    }

    @Test
    void evaluate_aFinishedApp_passes() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2).seed(server, client);

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome).isEqualTo(CheckOutcome.pass("completed apps: [JavaSparkPi FINISHED]; running: []"));
    }

    @Test
    void evaluate_nameGlob_matchesTheFinishedAppByName() {
        StudentCluster cluster = withApps(master().completed("JavaWordCount", "FINISHED").completed("Spark Pi", "FINISHED"));

        assertThat(evaluate(cluster, "name", "*Pi*").status()).isEqualTo(CheckStatus.PASSED);
        assertThat(evaluate(cluster, "name", "Spark Pi").status()).isEqualTo(CheckStatus.PASSED);
        assertThat(evaluate(cluster, "name", "JavaSparkPi")).isEqualTo(CheckOutcome.fail("completed apps: "
                + "[JavaWordCount FINISHED, Spark Pi FINISHED]; running: []"));
    }

    @Test
    void evaluate_appNameWithASlash_isMatchedLikeAnyOther() {
        StudentCluster cluster = withApps(master().completed("pi/estimate", "FINISHED"));

        assertThat(evaluate(cluster, "name", "pi*").status()).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void evaluate_onlyAFailedApp_failsShowingItsState() {
        StudentCluster cluster = withApps(master().completed("JavaSparkPi", "FAILED"));

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome).isEqualTo(CheckOutcome.fail("completed apps: [JavaSparkPi FAILED]; running: []"));
    }

    @Test
    void evaluate_appStillRunning_failsShowingIt() {
        StudentCluster cluster = withApps(master().running("JavaSparkPi"));

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome).isEqualTo(CheckOutcome.fail("completed apps: none; running: [JavaSparkPi]"));
    }

    @Test
    void evaluate_masterNotListening_fails() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2).masterNotListening()
                .seed(server, client);

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome).isEqualTo(CheckOutcome.fail("the master of spark did not answer on :8080/json/"));
    }

    @Test
    void graded_failedApp_usesTheLabsHint() {
        StudentCluster cluster = withApps(master().completed("JavaSparkPi", "KILLED"));

        CheckResult result = LiveChecks.graded(grader.client(), "app-finished", "namespace", cluster.namespace(),
                "cluster", "spark");

        assertThat(result).usingRecursiveComparison().ignoringFields("millis").isEqualTo(LiveChecks.result(
                CheckStatus.FAILED, 0, "completed apps: [JavaSparkPi KILLED]; running: []", LiveChecks.LAB_HINT));
    }

    @Test
    void graded_clusterStopsAnswering_isNotGradable() {
        try (KubernetesClient gone = LiveChecks.unreachableClient()) {
            CheckResult result = LiveChecks.graded(gone, "app-finished", "namespace", "lab", "cluster", "spark");

            assertThat(result).usingRecursiveComparison().ignoringFields("millis").isEqualTo(LiveChecks.notGradable(gone));
        }
    }

    @Test
    void graded_proxyForbidden_isAnErrorNamingTheGraderRole() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2).proxyForbidden()
                .seed(server, client);

        CheckResult result = LiveChecks.graded(grader.client(), "app-finished", "namespace", cluster.namespace(),
                "cluster", "spark");

        assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(result.observed()).startsWith("the grader could not read the Spark master through the API server's "
                + "proxy: HTTP 403").endsWith("(the grading identity needs get on pods/proxy: kubectl apply -f "
                + "manifests/grading/grader-rbac.yaml)");
    }
}
