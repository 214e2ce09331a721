package io.labctl.cli.cluster;

import io.labctl.cli.Style;
import io.labctl.cluster.ClusterView;

import java.util.List;

/** How the cluster commands' results read in a terminal (-o text). */
final class ClusterTextViews {
    private ClusterTextViews() {
    }

    static String cluster(ClusterView c, Style s) {
        StringBuilder out = new StringBuilder();
        out.append(s.bold("Cluster " + c.name())).append(" (").append(c.provider()).append("): ").append(c.runtime()).append('\n');
        out.append("  context    ").append(c.context()).append(c.kubeconfig() == null ? "" : " in " + c.kubeconfig()).append('\n');
        out.append("  reachable  ").append(c.reachable()).append('\n');
        if (!c.nodes().isEmpty()) {
            out.append("  nodes      ").append(c.readyNodes()).append('/').append(c.nodes().size()).append(" Ready\n");
            for (ClusterView.NodeView n : c.nodes()) {
                out.append(String.format("    %-24s %-7s %-9s %-15s %s%n", n.name(), n.role(),
                        n.ready() ? s.green("Ready") : s.red("NotReady"), n.internalIp() == null ? "-" : n.internalIp(),
                        n.kubelet() == null ? "" : n.kubelet()));
            }
        }
        for (String line : c.access()) {
            out.append("  ").append(line).append('\n');
        }
        out.append(s.dim("  kubectl --context " + c.context() + " get nodes -o wide")).append('\n');
        return out.toString();
    }

    static String list(List<ClusterView> clusters, Style s) {
        if (clusters.isEmpty()) {
            return "No lab clusters. Create one with: labctl cluster up lab1\n";
        }
        StringBuilder out = new StringBuilder(String.format("%-20s %-9s %-22s %-7s %s%n", "NAME", "PROVIDER", "CONTEXT", "READY", "MACHINES"));
        for (ClusterView c : clusters) {
            out.append(String.format("%-20s %-9s %-22s %-7s %s%n", c.name(), c.provider(), c.context(),
                    c.nodes().isEmpty() ? "-" : c.readyNodes() + "/" + c.nodes().size(), c.runtime()));
        }
        return out.toString();
    }

    /** {@code cluster list -o wide}: plus the kubeconfig file and whether the API server answered. */
    static String listWide(List<ClusterView> clusters, Style s) {
        if (clusters.isEmpty()) {
            return list(clusters, s);
        }
        String format = "%-20s %-9s %-22s %-7s %-30s %-12s %s%n";
        StringBuilder out = new StringBuilder(String.format(format, "NAME", "PROVIDER", "CONTEXT", "READY", "MACHINES",
                "REACHABLE", "KUBECONFIG"));
        for (ClusterView c : clusters) {
            out.append(String.format(format, c.name(), c.provider(), c.context(),
                    c.nodes().isEmpty() ? "-" : c.readyNodes() + "/" + c.nodes().size(), c.runtime(),
                    c.reachable() == null ? "-" : c.reachable(), c.kubeconfig()));
        }
        return out.toString();
    }
}
