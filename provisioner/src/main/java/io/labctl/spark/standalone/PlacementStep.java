package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.labctl.kube.Tolerations;

/**
 * Adds {@code --node-selector} and {@code --toleration} to the master and worker pods, e.g. to place
 * a cluster on tainted nodes. A no-op when neither is given.
 */
public final class PlacementStep implements ClusterObjectsStep {

    @Override
    public ClusterObjects apply(ClusterObjects previous, SparkClusterSpec spec) {
        if (spec.nodeSelector().isEmpty() && spec.tolerations().isEmpty()) {
            return previous;
        }
        return previous.mapSparkDeployments(deployment -> new DeploymentBuilder(deployment)
                .editSpec().editTemplate().editSpec()
                .addToNodeSelector(spec.nodeSelector())
                .addAllToTolerations(spec.tolerations().stream().map(t -> Tolerations.parse("--toleration", t)).toList())
                .endSpec().endTemplate().endSpec()
                .build());
    }
}
