package io.labctl.grading.live;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
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

import static io.labctl.grading.live.LiveChecks.params;
import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit, mock API server (fabric8's, CRUD mode, one per class; nodes are cluster-wide, so each test seeds its own). */
@MockApiTest
@EnableKubernetesMockClient(crud = true, https = false)
class NodesReadyCheckTest {
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

    @BeforeEach
    void noNodes() {
        client.nodes().delete();
    }

    private static void seed(Node... nodes) {
        for (Node node : nodes) {
            client.resource(node).create();
        }
    }

    private static CheckOutcome evaluate(int minWorkers) {
        return new NodesReadyCheck(params("minWorkers", minWorkers)).evaluate(LiveChecks.context(grader.client()));
    }

    @Test
    void evaluate_readyControlPlaneAndTwoReadyWorkers_passes() {
        seed(TestNodes.readyControlPlane("lab1-server"), TestNodes.ready("lab1-agent-1"), TestNodes.ready("lab1-agent-2"));

        CheckOutcome outcome = evaluate(2);

        assertThat(outcome).isEqualTo(CheckOutcome.pass("master nodes: lab1-server Ready; worker nodes: lab1-agent-1 "
                + "Ready, lab1-agent-2 Ready"));
    }

    @Test
    void evaluate_oneWorkerNotReady_earnsTheMasterHalf_withTheWorkersHint() {
        seed(TestNodes.readyControlPlane("lab1-server"), TestNodes.ready("lab1-agent-1"), TestNodes.notReady("lab1-agent-2"));

        CheckOutcome outcome = evaluate(2);

        assertThat(outcome).isEqualTo(new CheckOutcome(CheckStatus.PARTIAL, 0.5, "master nodes: lab1-server Ready; worker "
                + "nodes: lab1-agent-1 Ready, lab1-agent-2 NotReady", "only 1 Ready worker node(s), the lab asks for 2; "
                + "add workers (labctl cluster up NAME --workers 2) and check `kubectl get nodes`"));
    }

    @Test
    void evaluate_noNodeWithTheControlPlaneRole_earnsTheWorkersHalf_withTheMasterHint() {
        seed(TestNodes.ready("node-1"), TestNodes.ready("node-2"), TestNodes.ready("node-3"));

        CheckOutcome outcome = evaluate(2);

        assertThat(outcome).isEqualTo(new CheckOutcome(CheckStatus.PARTIAL, 0.5, "master nodes: none; worker nodes: node-1 "
                + "Ready, node-2 Ready, node-3 Ready", "no Ready node carries the control-plane role label; start the "
                + "cluster with a master node (labctl cluster up NAME --workers 2)"));
    }

    @Test
    void evaluate_minikubesSingleNode_passesWithTheLabsWorkerNodesZero_andEarnsHalfWithTheDefaultTwo() {
        // Given minikube's default: one node, control plane and worker at once
        seed(TestNodes.readyControlPlane("minikube"));

        // When the lab's ${workerNodes} is 0 (--set workerNodes=0; the params hold the substituted text)
        CheckOutcome oneNode = new NodesReadyCheck(params("minWorkers", "0")).evaluate(LiveChecks.context(grader.client()));
        CheckOutcome labDefault = evaluate(2);

        // Then it passes, saying what it saw; with the default it is the master half, not zero
        assertThat(oneNode).isEqualTo(CheckOutcome.pass("master nodes: minikube Ready; worker nodes: none"));
        assertThat(labDefault.status()).isEqualTo(CheckStatus.PARTIAL);
        assertThat(labDefault.fraction()).isEqualTo(0.5);
    }

    @Test
    void evaluate_olderMasterRoleLabel_countsAsControlPlane() {
        Node master = new NodeBuilder(TestNodes.ready("lab1-master")).editMetadata()
                .addToLabels("node-role.kubernetes.io/master", "true").endMetadata().build();
        seed(master, TestNodes.ready("lab1-worker-1"));

        CheckOutcome outcome = evaluate(1);

        assertThat(outcome).isEqualTo(CheckOutcome.pass("master nodes: lab1-master Ready; worker nodes: lab1-worker-1 Ready"));
    }

    @Test
    void evaluate_masterNotReadyAndNoWorkers_fails_withTheMasterHintFirst() {
        Node master = new NodeBuilder(TestNodes.notReady("lab1-server")).editMetadata()
                .addToLabels(TestNodes.CONTROL_PLANE_ROLE, "").endMetadata().build();
        seed(master);

        CheckOutcome outcome = evaluate(2);

        assertThat(outcome).isEqualTo(CheckOutcome.fail("master nodes: lab1-server NotReady; worker nodes: none",
                "no Ready node carries the control-plane role label; start the cluster with a master node "
                        + "(labctl cluster up NAME --workers 2)"));
    }

    @Test
    void graded_clusterStopsAnswering_isNotGradable() {
        try (KubernetesClient gone = LiveChecks.unreachableClient()) {
            CheckResult result = LiveChecks.graded(gone, "nodes-ready", "minWorkers", 2);

            assertThat(result).usingRecursiveComparison().ignoringFields("millis").isEqualTo(LiveChecks.notGradable(gone));
        }
    }

    @Test
    void graded_aNamespaceScopedIdentityCannotListNodes_isAnErrorNamingTheGraderRole() {
        seed(TestNodes.readyControlPlane("lab1-server"));
        server.expect().get().withPath("/api/v1/nodes").andReturn(403, new StatusBuilder()
                .withStatus("Failure").withCode(403).withReason("Forbidden").withMessage("nodes is forbidden: User "
                        + "\"system:serviceaccount:lab:grader\" cannot list resource \"nodes\" in API group \"\" at the "
                        + "cluster scope").build()).once();

        CheckResult result = LiveChecks.graded(grader.client(), "nodes-ready", "minWorkers", 2);

        assertThat(result).usingRecursiveComparison().ignoringFields("millis").isEqualTo(LiveChecks.result(
                CheckStatus.ERROR, 0, LiveChecks.needsReadAccess("not allowed to grade ex.check: nodes is forbidden: User "
                        + "\"system:serviceaccount:lab:grader\" cannot list resource \"nodes\" in API group \"\" at the "
                        + "cluster scope"), null));
    }
}
