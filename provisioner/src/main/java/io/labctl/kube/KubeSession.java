package io.labctl.kube;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * A connected client plus the facts about where it points, so every command can say which
 * kubeconfig, context and namespace it used (never silently the current context).
 */
public record KubeSession(KubernetesClient client, String kubeconfig, String context, String namespace,
                          String server) implements AutoCloseable {

    /** One line for stderr: "Using context X (server S) from FILE, namespace N". */
    public String describe() {
        return "Using context " + (context == null ? "(in-cluster)" : context) + " (server " + server + ")"
                + (kubeconfig == null ? "" : " from " + kubeconfig) + ", namespace " + namespace;
    }

    @Override
    public void close() {
        client.close();
    }
}
