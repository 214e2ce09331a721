package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The plain kubectl commands that do what a labctl command did, printed after it so students learn
 * Kubernetes rather than labctl.
 */
public final class KubectlEquivalents {
    private KubectlEquivalents() {
    }

    public static List<String> deploy(SparkClusterSpec spec) {
        String file = spec.name() + ".yaml";
        return List.of(
                "labctl spark deploy " + spec.name() + " -n " + spec.namespace() + " --dry-run -o yaml > " + file,
                "kubectl apply --server-side --field-manager=labctl -f " + file,
                "kubectl rollout status -n " + spec.namespace() + " deployment/" + SparkLabels.masterDeployment(spec.name())
                        + " deployment/" + SparkLabels.workerDeployment(spec.name()));
    }

    public static List<String> scale(SparkClusterSpec spec) {
        return List.of(
                "kubectl scale -n " + spec.namespace() + " deployment/" + SparkLabels.workerDeployment(spec.name())
                        + " --replicas=" + spec.workers(),
                "or: set `replicas: " + spec.workers() + "` in the worker Deployment of " + spec.name()
                        + ".yaml and run `kubectl apply --server-side --field-manager=labctl -f " + spec.name() + ".yaml`",
                "kubectl rollout status -n " + spec.namespace() + " deployment/" + SparkLabels.workerDeployment(spec.name()));
    }

    /** Deletes every kind a cluster may hold (the same list teardown looks through), by the cluster's labels. */
    public static List<String> teardown(String namespace, String clusterName) {
        return teardown(namespace, clusterName, false);
    }

    /** ... with {@code keepData}, every kind but the PersistentVolumeClaims. */
    public static List<String> teardown(String namespace, String clusterName, boolean keepData) {
        String kinds = StandaloneManifests.possibleKinds().stream()
                .filter(kind -> !(keepData && kind == PersistentVolumeClaim.class)).map(HasMetadata::getPlural)
                .collect(Collectors.joining(","));
        return List.of("kubectl delete " + kinds + " -n " + namespace + " -l "
                + SparkLabels.selectorString(SparkLabels.cluster(clusterName)) + " --wait");
    }

    /** When the namespace labctl created holds only the cluster, deleting the namespace removes it all. */
    public static List<String> teardownNamespace(String namespace) {
        return List.of("kubectl delete namespace " + namespace + " --wait");
    }

    public static List<String> status(String namespace, String clusterName) {
        return List.of(
                "kubectl get deployment,pod,service,endpoints -n " + namespace + " -l "
                        + SparkLabels.INSTANCE + "=" + clusterName + " -o wide",
                "kubectl get --raw /api/v1/namespaces/" + namespace + "/services/"
                        + SparkLabels.masterService(clusterName) + ":ui/proxy/json/");
    }
}
