package io.labctl.cluster;

import io.labctl.core.Progress;

import java.util.List;
import java.util.Optional;

/**
 * One way of getting a lab cluster, and everything that differs between the ways: what the host needs, the
 * provider's own options, its preflight, how images reach its nodes, where images are built for it, and whether
 * labctl owns the cluster's kubeconfig context. Nothing outside a provider's package switches on which provider a
 * cluster has; adding one is its package plus one line in {@link Providers}.
 *
 * <p>Providers are stateless; what they need later goes into the {@link ClusterRecord} details. Every method may be
 * called again after a failure (idempotent).
 */
public interface ClusterProvider {
    /** What users type after {@code --provider}, and what the cluster record stores ("k3s"). */
    String name();

    /** What the host needs, for the help and for errors ("a Docker engine running; the k3s image"). */
    String needs();

    /** The options only this provider takes ({@code --driver} for minikube); they reach it in {@link ClusterSpec#options()}. */
    default List<ProviderOption> options() {
        return List.of();
    }

    /**
     * Whether labctl writes this cluster's kubeconfig context (labctl-NAME) and removes it on {@code down}. False for
     * a cluster someone else made: its kubeconfig is the user's, used as it is.
     */
    default boolean ownsKubeconfig() {
        return true;
    }

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

    /** How locally built images get onto every node, when this provider can do that without a registry. */
    default Optional<ImageLoading> imageLoading() {
        return Optional.empty();
    }

    /** Who runs the Dockerfiles for a cluster of this provider: the local Docker engine unless it has its own. */
    default BuildEngine buildEngine(ClusterRecord record) {
        return new BuildEngine.Docker();
    }

    /** Why images cannot be loaded onto this provider's nodes, and what to do instead (when {@link #imageLoading} is empty). */
    default String noImageLoadingHint() {
        return "push the images to a registry the nodes can pull from";
    }
}
