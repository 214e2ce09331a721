package io.labctl.cluster;

import io.labctl.core.Progress;

import java.util.List;

/**
 * One way of getting a lab cluster. Providers are stateless; what they need later goes into the
 * {@link ClusterRecord} details. Every method may be called again after a failure (idempotent).
 */
public interface ClusterProvider {
    ProviderKind kind();

    /** Everything that would make {@link #up} fail, checked without changing anything. Empty means go. */
    List<PreflightProblem> preflight(ClusterSpec spec);

    /**
     * Creates (or, when it already runs, finds) the cluster and returns a kubeconfig that reaches it from here.
     * Returns when the provider's own start finished; the caller then waits for every node to be Ready.
     */
    ProvisionedCluster up(ClusterSpec spec, Progress progress);

    /** Removes the cluster's machines and everything the provider made for it; a missing cluster is fine. */
    void down(ClusterRecord record, Progress progress);

    /** The provider's own view of the cluster ("running: 3 containers", "stopped", "gone"). */
    String runtimeState(ClusterRecord record);
}
