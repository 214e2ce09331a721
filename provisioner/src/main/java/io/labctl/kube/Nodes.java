package io.labctl.cluster;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a new cluster's nodes through a watch. A provider's "started" (k3s's log line, minikube's exit,
 * vagrant's exit) does not mean the nodes are Ready; pods scheduled before that stay Pending.
 */
public final class NodeReadiness {
    private NodeReadiness() {
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
        long ready = nodes.stream().filter(NodeReadiness::isReady).count();
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
        Semaphore changed = new Semaphore(0);
        long deadline = System.nanoTime() + timeout.toNanos();
        SharedIndexInformer<Node> informer = client.nodes().inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Node node) {
                changed.release();
            }

            @Override
            public void onUpdate(Node before, Node after) {
                changed.release();
            }

            @Override
            public void onDelete(Node node, boolean unknownFinalState) {
                changed.release();
            }
        });
        try {
            String last = "";
            while (true) {
                List<Node> nodes = informer.getStore().list();
                String summary = summary(nodes, expected);
                if (!summary.equals(last)) {
                    progress.update(summary);
                    last = summary;
                }
                if (nodes.stream().filter(NodeReadiness::isReady).count() >= expected) {
                    return nodes;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new LabctlException(ExitCode.TIMEOUT, "the cluster's nodes are not Ready after "
                            + timeout.toSeconds() + "s: " + summary,
                            "the machines exist; check them with `labctl cluster status`, or remove them with `labctl cluster down`");
                }
                changed.tryAcquire(Math.min(left, TimeUnit.SECONDS.toNanos(5)), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabctlException(ExitCode.INTERRUPTED, "interrupted while waiting for nodes", null);
        } finally {
            informer.close();
        }
    }
}
