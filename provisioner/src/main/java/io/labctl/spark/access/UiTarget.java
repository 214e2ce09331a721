package io.labctl.spark.access;

import java.util.List;

/**
 * One Spark web UI and how to reach it: the pod and port {@code labctl spark ui} forwards to, or, when there is
 * nothing to forward (a driver on the user's own machine), the URL where the UI already is.
 *
 * @param what    in words: "master", "worker 2", "application app-20250101-0001 (labctl-spark-a-pi)"
 * @param pod     the pod whose port is forwarded, or null when nothing is forwarded
 * @param podPort 8080 (master), 8081 (worker), 4040 (a driver)
 * @param directUrl the UI's URL when no forward is needed (else null)
 * @param notes   what a student should know about this UI (links that point at pod IPs, ...)
 */
public record UiTarget(String namespace, String cluster, SparkUi.Kind kind, String what, String pod, int podPort,
                       String directUrl, List<String> notes) {
    public UiTarget {
        notes = List.copyOf(notes);
    }

    /** Whether {@code labctl spark ui} opens a port-forward for this UI. */
    public boolean forwarded() {
        return pod != null;
    }
}
