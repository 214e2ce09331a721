package io.labctl.spark.standalone;

/**
 * One additive step in building a cluster's objects from the rendered templates. A step takes the
 * objects built so far and returns them enriched (starting from builders of the previous objects,
 * never from blank ones); a step that does not apply to the spec returns its input unchanged.
 */
public interface ClusterObjectsStep {
    ClusterObjects apply(ClusterObjects previous, SparkClusterSpec spec);
}
