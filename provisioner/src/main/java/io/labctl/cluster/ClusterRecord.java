package io.labctl.cluster;

import java.nio.file.Path;
import java.util.Map;

/**
 * What labctl remembers of a cluster it created or registered (one JSON file per cluster in the state
 * directory): enough to find it again, tear it down, and reach it with the right kubeconfig context.
 */
public record ClusterRecord(String name, String provider, int workers, int cpus, int memoryMiB,
                            Path kubeconfig, String context, String created, Map<String, String> details) {
    public ClusterRecord {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
