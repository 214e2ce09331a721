package io.labctl.grading.live;

import io.fabric8.kubernetes.api.model.Node;
import io.labctl.grading.checks.Check;
import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckParams;
import io.labctl.grading.checks.GradingContext;
import io.labctl.kube.Nodes;

import java.util.List;

/**
 * {@code nodes-ready}: a master (control-plane) node and at least {@code minWorkers} worker nodes,
 * all Ready. Two parts: the master, the workers. k3s, kubeadm and minikube label the control plane
 * {@code node-role.kubernetes.io/control-plane} (older ones {@code .../master}); every other node is a worker.
 */
public final class NodesReadyCheck implements Check {
    private final int minWorkers;

    public NodesReadyCheck(CheckParams params) {
        this.minWorkers = params.integer("minWorkers", 2);
        params.requireNoUnknown();
    }

    @Override
    public CheckOutcome evaluate(GradingContext context) {
        List<Node> nodes = LiveQueries.nodes(LiveCluster.of(context));
        List<Node> masters = nodes.stream().filter(Nodes::isControlPlane).toList();
        List<Node> workers = nodes.stream().filter(n -> !Nodes.isControlPlane(n)).toList();
        long readyMasters = masters.stream().filter(Nodes::isReady).count();
        long readyWorkers = workers.stream().filter(Nodes::isReady).count();
        String observed = "master nodes: " + describe(masters) + "; worker nodes: " + describe(workers);
        int parts = (readyMasters >= 1 ? 1 : 0) + (readyWorkers >= minWorkers ? 1 : 0);
        String hint = readyMasters == 0
                ? "no Ready node carries the control-plane role label; start the cluster with a master node "
                  + "(labctl cluster up NAME --workers " + minWorkers + ")"
                : "only " + readyWorkers + " Ready worker node(s), the lab asks for " + minWorkers
                  + "; add workers (labctl cluster up NAME --workers " + minWorkers + ") and check `kubectl get nodes`";
        return CheckOutcome.parts(parts, 2, observed, hint);
    }

    private static String describe(List<Node> nodes) {
        if (nodes.isEmpty()) {
            return "none";
        }
        return String.join(", ", nodes.stream()
                .map(n -> n.getMetadata().getName() + (Nodes.isReady(n) ? " Ready" : " NotReady")).toList());
    }
}
