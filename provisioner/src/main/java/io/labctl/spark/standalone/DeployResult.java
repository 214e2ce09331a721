package io.labctl.spark.standalone;

import java.util.List;

/**
 * What {@code deploy} (and {@code scale}) did and how to reach the cluster.
 *
 * @param createdNamespace true when labctl created the namespace (teardown will remove it)
 * @param readiness        null when not waited for
 */
public record DeployResult(String name, String namespace, int workers, boolean createdNamespace,
                           List<AppliedObject> objects, Readiness readiness, ClusterEndpoints endpoints,
                           List<String> kubectlEquivalent) {
}
