package io.labctl.cluster;

import java.util.List;

/**
 * A cluster as `labctl cluster up|status|list` report it (text for people, JSON/YAML for scripts).
 *
 * @param runtime what the provider sees ("running: 3 containers"), or why it cannot tell
 * @param nodes   the nodes as the API server reports them; empty when it cannot be reached
 * @param access  how to reach the cluster and its NodePorts from this host
 */
public record ClusterView(String name, String provider, String context, String kubeconfig, String runtime,
                          String reachable, List<NodeView> nodes, List<String> access) {

    public record NodeView(String name, String role, boolean ready, String internalIp, String kubelet) {
    }

    public long readyNodes() {
        return nodes.stream().filter(NodeView::ready).count();
    }
}
