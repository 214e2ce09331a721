package io.labctl.kube;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

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
