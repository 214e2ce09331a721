package io.labctl.kube;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.Optional;
import java.util.Set;

/** How labctl creates a namespace it needs: one object, server-side applied, marked as created by labctl. */
public final class Namespaces {
    private Namespaces() {
    }

    /** The Namespace labctl creates when {@code name} does not exist (teardown may delete it again once empty). */
    public static Namespace createdByLabctl(String name) {
        return new NamespaceBuilder().withNewMetadata().withName(name)
                .addToLabels(Labels.MANAGED_BY, Labels.MANAGER)
                .addToAnnotations(Labels.CREATED_BY_ANNOTATION, Labels.MANAGER)
                .endMetadata().build();
    }

    /** Namespaces every cluster has; labctl never creates, marks or deletes them. */
    private static final Set<String> BUILT_IN = Set.of("default", "kube-system", "kube-public", "kube-node-lease");

    public static boolean isBuiltIn(String name) {
        return BUILT_IN.contains(name);
    }

    /** For a dry run: the Namespace object labctl would create first, if the namespace does not exist. */
    public static Optional<Namespace> wouldCreate(KubernetesClient client, String name) {
        if (isBuiltIn(name)) {
            return Optional.empty();
        }
        return KubeErrors.call(client, () -> client.namespaces().withName(name).get(), "read namespace " + name) == null
                ? Optional.of(createdByLabctl(name)) : Optional.empty();
    }

    /**
     * The namespace without labctl's created-by mark: what a dry run prints when it cannot ask the cluster, so that
     * applying the YAML where the namespace already exists marks nothing that teardown would later delete.
     */
    public static Namespace unmarked(String name) {
        return new NamespaceBuilder().withNewMetadata().withName(name)
                .addToLabels(Labels.MANAGED_BY, Labels.MANAGER).endMetadata().build();
    }

    /** Creates the namespace when it does not exist; returns whether it did. Nothing else is changed before this. */
    public static boolean ensure(KubernetesClient client, String name) {
        Namespace existing = KubeErrors.call(client, () -> client.namespaces().withName(name).get(), "read namespace " + name);
        if (existing != null) {
            return false;
        }
        new ServerSideApply(client).apply(createdByLabctl(name));
        return true;
    }
}
