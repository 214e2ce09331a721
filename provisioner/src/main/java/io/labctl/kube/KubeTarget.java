package io.labctl.kube;

import java.nio.file.Path;

/**
 * Which cluster to talk to, as the user asked for it. Null fields mean "not given": the kubeconfig
 * then comes from {@code $KUBECONFIG} or {@code ~/.kube/config}, the context from the kubeconfig's
 * current-context, the namespace from the context (else {@code default}).
 */
public record KubeTarget(Path kubeconfig, String context, String namespace) {

    public static KubeTarget defaults() {
        return new KubeTarget(null, null, null);
    }

    public KubeTarget withNamespace(String ns) {
        return new KubeTarget(kubeconfig, context, ns);
    }
}
