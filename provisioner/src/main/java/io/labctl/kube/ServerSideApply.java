package io.labctl.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Server-side apply with labctl's field manager. Applying the same object twice is a no-op on the
 * server (no new resourceVersion), which is what makes {@code deploy} idempotent. Conflicts with
 * other managers are forced only for objects labctl owns; callers check ownership first.
 */
public final class ServerSideApply {
    /** The name under which labctl owns fields (visible in {@code kubectl get -o yaml --show-managed-fields}). */
    public static final String FIELD_MANAGER = "labctl";

    private final KubernetesClient client;

    public ServerSideApply(KubernetesClient client) {
        this.client = client;
    }

    public <T extends HasMetadata> T apply(T object) {
        String action = "apply " + object.getKind().toLowerCase() + " " + object.getMetadata().getName();
        try {
            return client.resource(object).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
        } catch (RuntimeException e) {
            throw KubeErrors.translate(e, client.getMasterUrl().toString(), action);
        }
    }
}
