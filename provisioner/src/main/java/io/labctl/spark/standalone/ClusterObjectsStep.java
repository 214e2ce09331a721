package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.Set;

/**
 * One additive step in building a cluster's objects from the rendered templates. A step takes the objects built so
 * far and returns them enriched (changing objects through builders of the previous ones, never blank ones, or adding
 * objects of its own); a step that does not apply to the spec returns its input unchanged.
 */
public interface ClusterObjectsStep {
    ClusterObjects apply(ClusterObjects previous, SparkClusterSpec spec);

    /**
     * The kinds of object this step may add besides the templates' ones. Teardown looks for every such kind by the
     * cluster's labels, so what a step added is removed even when the spec that added it is no longer readable.
     */
    default Set<Class<? extends HasMetadata>> mayAdd() {
        return Set.of();
    }
}
