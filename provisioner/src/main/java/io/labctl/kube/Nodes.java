package io.labctl.kube;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.labctl.core.Progress;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What labctl knows about nodes, written once: readiness, the control-plane role, addresses, and the wait for a
 * new cluster's nodes. A provider's "started" (k3s's log line, minikube's exit, vagrant's exit) does not mean the
 * nodes are Ready; pods scheduled before that stay Pending.
 */
public final class Nodes {
    /** The role labels of control-plane nodes: kubeadm's current one, and the one k3s and older clusters set. */
    public static final List<String> CONTROL_PLANE_LABELS = List.of("node-role.kubernetes.io/control-plane",
            "node-role.kubernetes.io/master");

    private Nodes() {
    }

    public static boolean isControlPlane(Node node) {
        Map<String, String> labels = node.getMetadata().getLabels();
        return labels != null && CONTROL_PLANE_LABELS.stream().anyMatch(labels::containsKey);
    }

    /** The node's address of this type ("InternalIP", "ExternalIP"), if it reports one. */
    public static Optional<String> address(Node node, String type) {
        if (node.getStatus() == null || node.getStatus().getAddresses() == null) {
            return Optional.empty();
        }
        return node.getStatus().getAddresses().stream().filter(a -> type.equals(a.getType()))
                .map(NodeAddress::getAddress).findFirst();
    }

    public static boolean isReady(Node node) {
        if (node.getStatus() == null || node.getStatus().getConditions() == null) {
            return false;
        }
        for (NodeCondition condition : node.getStatus().getConditions()) {
            if ("Ready".equals(condition.getType())) {
                return "True".equals(condition.getStatus());
            }
        }
        return false;
    }

    /** "2/3 nodes Ready (lab1-worker-2 NotReady)". */
    public static String summary(List<Node> nodes, int expected) {
        long ready = nodes.stream().filter(Nodes::isReady).count();
        StringBuilder text = new StringBuilder(ready + "/" + expected + " nodes Ready");
        List<String> notReady = nodes.stream().filter(n -> !isReady(n)).map(n -> n.getMetadata().getName()).toList();
        if (!notReady.isEmpty()) {
            text.append(" (not Ready: ").append(String.join(", ", notReady)).append(')');
        } else if (nodes.size() < expected) {
            text.append(" (").append(expected - nodes.size()).append(" not registered yet)");
        }
        return text.toString();
    }

    /** Blocks until at least {@code expected} nodes are Ready; TIMEOUT says which are missing. */
    public static List<Node> await(KubernetesClient client, int expected, Duration timeout, Progress progress) {
        return Await.on(client, client.nodes(), expected + " Ready nodes").reportingTo(progress)
                .hint("the machines exist; check them with `labctl cluster status`, or remove them with `labctl cluster down`")
                .until(timeout, nodes -> nodes.stream().filter(Nodes::isReady).count() >= expected,
                        nodes -> summary(nodes, expected));
    }
}
