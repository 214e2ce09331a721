package io.labctl.grading.live;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
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
import io.labctl.kube.TestNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.function.UnaryOperator;

import static io.labctl.grading.live.LiveChecks.params;
import static io.labctl.grading.live.StudentCluster.MASTER_IMAGE;
import static io.labctl.grading.live.StudentCluster.WORKER_IMAGE;
import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit, mock API server (fabric8's, CRUD mode, one per class; nodes are cluster-wide, so each test seeds its own). */
@MockApiTest
@EnableKubernetesMockClient(crud = true, https = false)
class ImageOnNodesCheckTest {
    static KubernetesMockServer server;
    static KubernetesClient client; // seeds the cluster, as its student would
    static KubeSession grader;      // reads it, as labctl's grading does

    private static final String LOAD_HINT = "load the image onto every node (labctl image load --cluster NAME; with "
            + "minikube: minikube image load IMAGE); pods scheduled on a node without it stay in ErrImageNeverPull";

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

    @BeforeEach
    void noNodes() {
        client.nodes().delete();
    }

    private static void seed(Node... nodes) {
        for (Node node : nodes) {
            client.resource(node).create();
        }
    }

    private static CheckOutcome evaluate(StudentCluster cluster) {
        return new ImageOnNodesCheck(params(cluster)).evaluate(LiveChecks.context(grader.client()));
    }

    private static Node tainted(Node node, String key, String effect) {
        return new NodeBuilder(node).editSpec().addNewTaint().withKey(key).withEffect(effect).endTaint().endSpec().build();
    }

    private static UnaryOperator<Deployment> tolerating(String key) {
        return d -> new DeploymentBuilder(d).editSpec().editTemplate().editSpec().addNewToleration().withKey(key)
                .withOperator("Exists").withEffect("NoSchedule").endToleration().endSpec().endTemplate().endSpec().build();
    }

    @Test
    void evaluate_bothImagesOnEveryNode_passes() {
        seed(TestNodes.readyControlPlane("lab1-server", MASTER_IMAGE, WORKER_IMAGE),
                TestNodes.ready("lab1-agent-1", MASTER_IMAGE, WORKER_IMAGE),
                TestNodes.ready("lab1-agent-2", MASTER_IMAGE, WORKER_IMAGE));
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2).seed(server, client);

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome).isEqualTo(CheckOutcome.pass("images [labctl/spark-master:3.5.7, labctl/spark-worker:3.5.7] on "
                + "every schedulable node (lab1-agent-1, lab1-agent-2, lab1-server)"));
    }

    @Test
    void evaluate_oneNodeWithoutTheWorkerImage_earnsTwoThirds_namingImageAndNode() {
        seed(TestNodes.readyControlPlane("lab1-server", MASTER_IMAGE, WORKER_IMAGE),
                TestNodes.ready("lab1-agent-1", MASTER_IMAGE, WORKER_IMAGE),
                TestNodes.ready("lab1-agent-2", MASTER_IMAGE));
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2).seed(server, client);

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome).isEqualTo(new CheckOutcome(CheckStatus.PARTIAL, 2.0 / 3,
                "missing: labctl/spark-worker:3.5.7 on lab1-agent-2", LOAD_HINT));
    }

    @Test
    void evaluate_imagesOnNoNode_fails_listingEveryMissingPair() {
        seed(TestNodes.readyControlPlane("lab1-server"), TestNodes.ready("lab1-agent-1"));
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 1).seed(server, client);

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome).isEqualTo(CheckOutcome.fail("missing: labctl/spark-master:3.5.7 on lab1-agent-1; "
                + "labctl/spark-worker:3.5.7 on lab1-agent-1; labctl/spark-master:3.5.7 on lab1-server; "
                + "labctl/spark-worker:3.5.7 on lab1-server", LOAD_HINT));
    }

    @Test
    void evaluate_nodesThePodsCannotRunOn_areNotAsked_notReadyCordonedOrTaintedUntolerated() {
        Node cordoned = new NodeBuilder(TestNodes.ready("lab1-agent-3")).editSpec().withUnschedulable(true).endSpec().build();
        seed(tainted(TestNodes.readyControlPlane("lab1-server"), "node-role.kubernetes.io/control-plane", "NoSchedule"),
                TestNodes.ready("lab1-agent-1", MASTER_IMAGE, WORKER_IMAGE),
                TestNodes.notReady("lab1-agent-2"), cordoned);
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 1).seed(server, client);

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome).isEqualTo(CheckOutcome.pass("images [labctl/spark-master:3.5.7, labctl/spark-worker:3.5.7] on "
                + "every schedulable node (lab1-agent-1)"));
    }

    @Test
    void evaluate_taintThePodsTolerate_makesTheNodeACandidate() {
        seed(tainted(TestNodes.readyControlPlane("lab1-server"), "node-role.kubernetes.io/control-plane", "NoSchedule"),
                TestNodes.ready("lab1-agent-1", MASTER_IMAGE, WORKER_IMAGE));
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 1)
                .master(tolerating("node-role.kubernetes.io/control-plane")).seed(server, client);

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome).isEqualTo(new CheckOutcome(CheckStatus.PARTIAL, 0.5, "missing: labctl/spark-master:3.5.7 on "
                + "lab1-server; labctl/spark-worker:3.5.7 on lab1-server", LOAD_HINT));
    }

    @Test
    void evaluate_preferNoScheduleTaint_doesNotKeepPodsAway() {
        seed(tainted(TestNodes.ready("lab1-agent-1"), "example.com/slow", "PreferNoSchedule"));
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 1).seed(server, client);

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(outcome.observed()).startsWith("missing: labctl/spark-master:3.5.7 on lab1-agent-1");
    }

    @Test
    void evaluate_noNodeThePodsMayUse_fails() {
        seed(TestNodes.notReady("lab1-agent-1", MASTER_IMAGE, WORKER_IMAGE));
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 1).seed(server, client);

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome).isEqualTo(CheckOutcome.fail("no Ready, schedulable node the Spark pods tolerate"));
    }

    @Test
    void evaluate_noDeployments_failsForWantOfAnImageToLookFor() {
        seed(TestNodes.ready("lab1-agent-1", MASTER_IMAGE, WORKER_IMAGE));
        String ns = LiveChecks.namespace();

        CheckOutcome outcome = new ImageOnNodesCheck(params("namespace", ns, "cluster", "spark"))
                .evaluate(LiveChecks.context(grader.client()));

        assertThat(outcome).isEqualTo(CheckOutcome.fail("no Deployment " + ns + "/spark-master or spark-worker, so no "
                + "Spark image to look for"));
    }

    @Test
    void graded_clusterStopsAnswering_isNotGradable() {
        try (KubernetesClient gone = LiveChecks.unreachableClient()) {
            CheckResult result = LiveChecks.graded(gone, "image-on-nodes", "namespace", "lab", "cluster", "spark");

            assertThat(result).usingRecursiveComparison().ignoringFields("millis").isEqualTo(LiveChecks.notGradable(gone));
        }
    }

    @Test
    void graded_readingTheMasterDeploymentForbidden_isAnErrorNamingTheGraderRole() {
        String ns = LiveChecks.namespace();
        StudentCluster.healthy(ns, "spark", 1).seed(server, client);
        String denied = LiveChecks.forbid(server, "/apis/apps/v1/namespaces/" + ns + "/deployments/spark-master",
                "deployments.apps \"spark-master\" is forbidden: User \"system:serviceaccount:" + ns + ":grader\" cannot "
                        + "get resource \"deployments\" in API group \"apps\" in the namespace \"" + ns + "\"");

        CheckResult result = LiveChecks.graded(grader.client(), "image-on-nodes", "namespace", ns, "cluster", "spark");

        assertThat(result).usingRecursiveComparison().ignoringFields("millis").isEqualTo(LiveChecks.result(
                CheckStatus.ERROR, 0, LiveChecks.needsReadAccess("not allowed to grade ex.check: " + denied), null));
    }
}
