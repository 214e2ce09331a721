package io.labctl.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.Map;

/**
 * The labels and annotations labctl puts on what it creates: Kubernetes' recommended {@code app.kubernetes.io/*}
 * labels, and labctl's own marks. Written here once; every selector and check reads them from here.
 */
public final class Labels {
    public static final String NAME = "app.kubernetes.io/name";
    public static final String INSTANCE = "app.kubernetes.io/instance";
    public static final String COMPONENT = "app.kubernetes.io/component";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    /** The value of {@link #MANAGED_BY} on everything labctl creates (also its server-side apply field manager). */
    public static final String MANAGER = "labctl";
    /** Marks namespaces labctl created, so teardown may delete them (and only them). */
    public static final String CREATED_BY_ANNOTATION = "labctl.io/created-by";

    private Labels() {
    }

    /** {@code app.kubernetes.io/managed-by: labctl}, for objects labctl owns outside a Spark cluster. */
    public static Map<String, String> managedByLabctl() {
        return Map.of(MANAGED_BY, MANAGER);
    }

    public static boolean isManagedByLabctl(HasMetadata object) {
        return MANAGER.equals(label(object, MANAGED_BY));
    }

    /** Whether labctl created this namespace (and may therefore delete it once it is empty). */
    public static boolean createdByLabctl(HasMetadata namespace) {
        Map<String, String> annotations = namespace.getMetadata().getAnnotations();
        return annotations != null && MANAGER.equals(annotations.get(CREATED_BY_ANNOTATION));
    }

    public static String label(HasMetadata object, String key) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels == null ? null : labels.get(key);
    }
}
