package io.labctl.grading.live;

import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
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
class DeploymentReadyCheckTest {
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
        return new DeploymentReadyCheck(params(cluster, more)).evaluate(LiveChecks.context(grader.client()));
    }

    private static String notReadyHint(String ns) {
        return "the pods are not Ready; see why with kubectl describe pod -n " + ns + " and kubectl logs";
    }

    @Test
    void evaluate_masterWithItsOneReadyReplica_passes() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2).seed(server, client);

        CheckOutcome outcome = evaluate(cluster, "role", "master", "replicas", 1);

        assertThat(outcome).isEqualTo(CheckOutcome.pass(cluster.namespace() + "/spark-master: 1 desired, 1 Ready "
                + "(want exactly 1); pods: " + cluster.masterPodName() + " Ready"));
    }

    @Test
    void evaluate_atLeastTwoWorkers_threeReady_passes() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 3).seed(server, client);

        CheckOutcome outcome = evaluate(cluster, "role", "worker", "replicas", 2, "exact", false);

        assertThat(outcome.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(outcome.observed()).startsWith(cluster.namespace() + "/spark-worker: 3 desired, 3 Ready (want at least 2)");
    }

    @Test
    void evaluate_rightReplicasButOneUnschedulable_earnsTheSpecHalf_andSaysWhyInPlainWords() {
        String ns = LiveChecks.namespace();
        StudentCluster cluster = StudentCluster.healthy(ns, "spark", 2)
                .worker(StudentCluster.readyReplicas(1))
                .workerPod(1, StudentCluster.inStateOf(TestPods.unschedulable("x", "worker",
                        "0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available")))
                .seed(server, client);

        CheckOutcome outcome = evaluate(cluster, "role", "worker", "replicas", 2);

        assertThat(outcome).isEqualTo(new CheckOutcome(CheckStatus.PARTIAL, 0.5, ns + "/spark-worker: 2 desired, 1 Ready "
                + "(want exactly 2); pods: " + cluster.workerPodName(0) + " Ready, " + cluster.workerPodName(1)
                + " Pending: Insufficient cpu (0/3 nodes are available: 3 Insufficient cpu)", notReadyHint(ns)));
    }

    @Test
    void evaluate_oneReplicaAskedInsteadOfTwo_losesBothHalves_withTheScaleCommand() {
        String ns = LiveChecks.namespace();
        StudentCluster cluster = StudentCluster.healthy(ns, "spark", 1).seed(server, client);

        CheckOutcome outcome = evaluate(cluster, "role", "worker", "replicas", 2);

        assertThat(outcome).isEqualTo(CheckOutcome.fail(ns + "/spark-worker: 1 desired, 1 Ready (want exactly 2); pods: "
                + cluster.workerPodName(0) + " Ready", "set the worker replicas to 2: kubectl scale deployment spark-worker -n "
                + ns + " --replicas=2 (or edit replicas in the YAML and kubectl apply it)"));
    }

    @Test
    void evaluate_threeWorkersWhenExactlyTwoAsked_fails() {
        String ns = LiveChecks.namespace();
        StudentCluster cluster = StudentCluster.healthy(ns, "spark", 3).seed(server, client);

        CheckOutcome outcome = evaluate(cluster, "role", "worker", "replicas", 2);

        assertThat(outcome.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(outcome.hint()).startsWith("set the worker replicas to 2: kubectl scale deployment spark-worker");
    }

    @Test
    void evaluate_replicasLeftOut_countsAsOne_asKubernetesDefaultsIt() {
        String ns = LiveChecks.namespace();
        StudentCluster cluster = StudentCluster.healthy(ns, "spark", 1)
                .master(d -> new DeploymentBuilder(d).editSpec().withReplicas(null).endSpec().build())
                .seed(server, client);

        CheckOutcome outcome = evaluate(cluster, "role", "master", "replicas", 1);

        assertThat(outcome.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(outcome.observed()).startsWith(ns + "/spark-master: 1 desired, 1 Ready");
    }

    @Test
    void evaluate_noWorkerDeployment_failsNamingWhatToCreate() {
        String ns = LiveChecks.namespace();
        StudentCluster.healthy(ns, "spark", 2).withoutWorkers().seed(server, client);

        CheckOutcome outcome = new DeploymentReadyCheck(params("namespace", ns, "cluster", "spark", "role", "worker",
                "replicas", 2)).evaluate(LiveChecks.context(grader.client()));

        assertThat(outcome).isEqualTo(CheckOutcome.fail("no Deployment " + ns + "/spark-worker", "create the worker "
                + "Deployment named spark-worker in namespace " + ns + " (kubectl apply -f YOUR-WORKER.yaml -n " + ns + ")"));
    }

    @Test
    void evaluate_deploymentNamedForAnotherCluster_isNotThisOne() {
        String ns = LiveChecks.namespace();
        StudentCluster.healthy(ns, "spark-b", 1).seed(server, client);

        CheckOutcome outcome = new DeploymentReadyCheck(params("namespace", ns, "cluster", "spark", "role", "master"))
                .evaluate(LiveChecks.context(grader.client()));

        assertThat(outcome.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(outcome.observed()).isEqualTo("no Deployment " + ns + "/spark-master");
    }

    @Test
    void graded_clusterStopsAnswering_isNotGradable() {
        try (KubernetesClient gone = LiveChecks.unreachableClient()) {
            CheckResult result = LiveChecks.graded(gone, "deployment-ready", "namespace", "lab", "cluster", "spark",
                    "role", "master");

            assertThat(result).usingRecursiveComparison().ignoringFields("millis").isEqualTo(LiveChecks.notGradable(gone));
        }
    }

    @Test
    void graded_readingDeploymentsForbidden_isAnErrorNamingTheGraderRole() {
        String ns = LiveChecks.namespace();
        StudentCluster.healthy(ns, "spark", 2).seed(server, client);
        String denied = LiveChecks.forbid(server, "/apis/apps/v1/namespaces/" + ns + "/deployments/spark-master",
                "deployments.apps \"spark-master\" is forbidden: User \"system:serviceaccount:" + ns + ":grader\" cannot "
                        + "get resource \"deployments\" in API group \"apps\" in the namespace \"" + ns + "\"");

        CheckResult result = LiveChecks.graded(grader.client(), "deployment-ready", "namespace", ns, "cluster", "spark",
                "role", "master");

        assertThat(result).usingRecursiveComparison().ignoringFields("millis").isEqualTo(LiveChecks.result(
                CheckStatus.ERROR, 0, LiveChecks.needsReadAccess("not allowed to grade ex.check: " + denied), null));
    }
}
