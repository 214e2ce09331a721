package io.labctl.cluster;

import java.util.List;
import java.util.Map;

/**
 * What a provider hands back after {@code up}: a kubeconfig for the cluster (server reachable from this host),
 * provider details worth remembering (container ids, profile, VM directory), and how to reach a NodePort from here.
 */
public record ProvisionedCluster(String kubeconfigYaml, Map<String, String> details, List<String> accessNotes) {
    public ProvisionedCluster {
        details = Map.copyOf(details);
        accessNotes = List.copyOf(accessNotes);
    }
}
