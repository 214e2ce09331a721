package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;

/**
 * Records the effective spec as JSON on the master Deployment's metadata (not its pod template, so
 * changing it never restarts the master). {@code scale} reads it back to re-apply the same cluster
 * with another worker count.
 */
public final class SpecAnnotationStep implements ClusterObjectsStep {

    @Override
    public ClusterObjects apply(ClusterObjects previous, SparkClusterSpec spec) {
        return previous.withMaster(master -> new DeploymentBuilder(master)
                .editMetadata().addToAnnotations(SparkLabels.SPEC_ANNOTATION, SpecCodec.toJson(spec)).endMetadata()
                .build());
    }
}
