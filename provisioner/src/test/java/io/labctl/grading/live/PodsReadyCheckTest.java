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
import io.labctl.kube.TestPods;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.labctl.grading.live.LiveChecks.params;
import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit, mock API server (fabric8's, CRUD mode, one per class; a namespace per test). */
@MockApiTest
@EnableKubernetesMockClient(crud = true, https = false)
class PodsReadyCheckTest {
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

    private static CheckOutcome evaluate(StudentCluster cluster) {
        return new PodsReadyCheck(params(cluster)).evaluate(LiveChecks.context(grader.client()));
    }

    private static String hint(String ns) {
        return "a pod is not Ready: kubectl describe pod POD -n " + ns + " shows why (image missing, Insufficient "
                + "cpu/memory, crash: then kubectl logs POD)";
    }

    @Test
    void evaluate_masterAndTwoWorkersReady_passes() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2).seed(server, client);

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome).isEqualTo(CheckOutcome.pass(cluster.masterPodName() + " Ready, " + cluster.workerPodName(0)
                + " Ready, " + cluster.workerPodName(1) + " Ready"));
    }

    @Test
    void evaluate_oneWorkerWithoutItsImage_earnsTwoThirds_andNamesTheImage() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2)
                .workerPod(1, StudentCluster.inStateOf(TestPods.waiting("x", "worker", "ErrImageNeverPull")))
                .seed(server, client);

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome).isEqualTo(new CheckOutcome(CheckStatus.PARTIAL, 2.0 / 3, cluster.masterPodName() + " Ready, "
                + cluster.workerPodName(0) + " Ready, " + cluster.workerPodName(1) + " image labctl/spark-worker:3.5.7 is "
                + "not on the node and cannot be pulled (ErrImageNeverPull); load it with `labctl image load`",
                hint(cluster.namespace())));
    }

    @Test
    void evaluate_crashingMaster_earnsTheWorkersParts_andSaysItCrashes() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 1)
                .masterPod(StudentCluster.inStateOf(TestPods.waiting("x", "master", "CrashLoopBackOff")))
                .seed(server, client);

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome.status()).isEqualTo(CheckStatus.PARTIAL);
        assertThat(outcome.fraction()).isEqualTo(0.5);
        assertThat(outcome.observed()).startsWith(cluster.masterPodName() + " crashing (CrashLoopBackOff); see `kubectl logs "
                + cluster.masterPodName() + " --previous`");
    }

    @Test
    void evaluate_podShuttingDown_isNotCounted() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2).seed(server, client);
        StudentCluster.terminate(client, cluster.namespace(), cluster.workerPodName(1));

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome).isEqualTo(CheckOutcome.pass(cluster.masterPodName() + " Ready, " + cluster.workerPodName(0)
                + " Ready"));
    }

    @Test
    void evaluate_noWorkers_failsListingWhatThereIs() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2).withoutWorkers()
                .seed(server, client);

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome).isEqualTo(CheckOutcome.fail("master pods: " + cluster.masterPodName() + " Ready; worker pods: "
                + "no pods", "deploy the master and the workers first"));
    }

    @Test
    void evaluate_nothingDeployed_fails() {
        String ns = LiveChecks.namespace();

        CheckOutcome outcome = new PodsReadyCheck(params("namespace", ns, "cluster", "spark"))
                .evaluate(LiveChecks.context(grader.client()));

        assertThat(outcome).isEqualTo(CheckOutcome.fail("master pods: no pods; worker pods: no pods",
                "deploy the master and the workers first"));
    }

    @Test
    void graded_clusterStopsAnswering_isNotGradable() {
        try (KubernetesClient gone = LiveChecks.unreachableClient()) {
            CheckResult result = LiveChecks.graded(gone, "pods-ready", "namespace", "lab", "cluster", "spark");

            assertThat(result).usingRecursiveComparison().ignoringFields("millis").isEqualTo(LiveChecks.notGradable(gone));
        }
    }

    @Test
    void graded_listingPodsForbidden_isAnErrorNamingTheGraderRole() {
        String ns = LiveChecks.namespace();
        StudentCluster.healthy(ns, "spark", 1).seed(server, client);
        String denied = LiveChecks.forbid(server, "/api/v1/namespaces/" + ns + "/pods?labelSelector="
                        + "app%3Dspark%2Ccluster%3Dspark%2Crole%3Dmaster",
                "pods is forbidden: User \"system:serviceaccount:" + ns + ":grader\" cannot list resource \"pods\" in "
                        + "API group \"\" in the namespace \"" + ns + "\"");

        CheckResult result = LiveChecks.graded(grader.client(), "pods-ready", "namespace", ns, "cluster", "spark");

        assertThat(result).usingRecursiveComparison().ignoringFields("millis").isEqualTo(LiveChecks.result(
                CheckStatus.ERROR, 0, LiveChecks.needsReadAccess("not allowed to grade ex.check: " + denied), null));
    }
}
