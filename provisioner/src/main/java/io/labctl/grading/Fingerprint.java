package io.labctl.grading;

import java.util.List;
import java.util.Map;

/**
 * Evidence that ties a grade to what was graded, so a report can be checked against tampering
 * (a student pointing the grader at someone else's cluster, files changed after grading).
 *
 * @param clusterUid  UID of the kube-system namespace: stable for the life of a cluster, unique per cluster
 * @param server      API server URL
 * @param context     kubeconfig context used
 * @param nodes       node names, sorted
 * @param files       SHA-256 (hex) of every submitted file read, by path relative to the submission folder; for a
 *                    file the grader refused (a link, a device, over a cap), "not read: " and why, never a hash of
 *                    what a link points to
 * @param masterJson  the raw Spark master {@code /json/} documents read, by "namespace/cluster"
 */
public record Fingerprint(String clusterUid, String server, String context, List<String> nodes,
                          Map<String, String> files, Map<String, String> masterJson) {
    public Fingerprint {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        files = files == null ? Map.of() : Map.copyOf(files);
        masterJson = masterJson == null ? Map.of() : Map.copyOf(masterJson);
    }

    public static Fingerprint empty() {
        return new Fingerprint(null, null, null, List.of(), Map.of(), Map.of());
    }
}
