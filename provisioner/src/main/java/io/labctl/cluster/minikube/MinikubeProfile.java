package io.labctl.cluster.minikube;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.api.model.NamedExtension;
import io.labctl.cluster.ClusterRecord;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The minikube profile behind a kubeconfig context, so that a command can print the minikube way next to the kubectl
 * one ({@code minikube service -p PROFILE ...}). Found for labctl's own minikube clusters (their record names the
 * context) and for contexts minikube wrote itself (it marks them with its provider extension and names the cluster
 * after the profile).
 */
public final class MinikubeProfile {
    /** What minikube writes as {@code extensions[].extension.provider} into its contexts and clusters. */
    static final String PROVIDER = "minikube.sigs.k8s.io";

    private MinikubeProfile() {
    }

    /** The profile, or empty when the context is not a minikube cluster (or not known to be one). */
    public static Optional<String> of(NamedContext context, List<ClusterRecord> labctlClusters) {
        if (context == null) {
            return Optional.empty();
        }
        for (ClusterRecord record : labctlClusters) {
            if ("minikube".equals(record.provider()) && context.getName().equals(record.context())) {
                return Optional.of(record.details().getOrDefault("profile", record.name()));
            }
        }
        if (context.getContext() == null || context.getContext().getExtensions() == null) {
            return Optional.empty();
        }
        for (NamedExtension extension : context.getContext().getExtensions()) {
            if (extension.getExtension() instanceof Map<?, ?> fields && PROVIDER.equals(fields.get("provider"))) {
                String cluster = context.getContext().getCluster();
                return Optional.of(cluster != null ? cluster : context.getName());
            }
        }
        return Optional.empty();
    }
}
