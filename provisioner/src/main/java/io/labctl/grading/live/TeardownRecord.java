package io.labctl.grading.live;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.labctl.spark.standalone.SparkLabels;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The evidence that a Spark cluster existed before it was torn down: ConfigMap {@value #CONFIG_MAP} in the
 * cluster's namespace, key {@code torn-down.CLUSTER}, value the UIDs of the cluster's objects, space-separated,
 * written right before the deletion. {@code labctl lab run} writes it for every {@code spark teardown} step (all
 * objects of the cluster); by hand it is one line (the Deployments' UIDs):
 * <pre>
 * kubectl create configmap labctl-lab-record -n NS \
 *   --from-literal=torn-down.CLUSTER="$(kubectl get deployment CLUSTER-master CLUSTER-worker -n NS -o jsonpath='{.items[*].metadata.uid}')"
 * </pre>
 * UIDs are assigned by the API server, so a record names objects that really were there (a student can still forge
 * one with kubectl, as any evidence a read-only grader can read; the record's server-set creation time and UIDs
 * make an accidental pass impossible, not a deliberate lie). The ConfigMap carries no instance label and no
 * {@code CLUSTER-} name, so teardown leaves it alone, and written before the deletion it also keeps labctl from
 * removing the namespace (and the record with it).
 */
public final class TeardownRecord {
    /** The ConfigMap that holds the records of one namespace. */
    public static final String CONFIG_MAP = "labctl-lab-record";

    private TeardownRecord() {
    }

    /** What was recorded about one cluster: its objects' UIDs and when the record was written (server time). */
    public record Entry(Set<String> uids, Instant recordedAt) {
    }

    /** The key of {@code cluster}'s record in the ConfigMap. */
    public static String key(String cluster) {
        return "torn-down." + cluster;
    }

    /** The record of {@code cluster} in {@code namespace}, if one was written. */
    public static Optional<Entry> read(KubernetesClient client, String namespace, String cluster) {
        ConfigMap map = client.configMaps().inNamespace(namespace).withName(CONFIG_MAP).get();
        if (map == null || map.getData() == null || map.getData().get(key(cluster)) == null) {
            return Optional.empty();
        }
        Set<String> uids = new LinkedHashSet<>(Arrays.stream(map.getData().get(key(cluster)).trim().split("\\s+"))
                .filter(s -> !s.isEmpty()).toList());
        String created = map.getMetadata().getCreationTimestamp();
        return Optional.of(new Entry(uids, created == null ? null : Instant.parse(created)));
    }

    /** An object of a cluster, as the check and the recorder see it. */
    public record ClusterObject(String ref, String uid, Instant created, List<String> ownerUids) {
    }

    /**
     * Every Deployment, ReplicaSet, Pod, Service, ConfigMap and Job of {@code cluster} in {@code namespace}: named
     * {@code CLUSTER}, {@code CLUSTER-master*}, {@code -worker*}, {@code -job*}, {@code -svc*}, or labelled with it
     * as {@value SparkLabels#INSTANCE}. Reads only.
     */
    public static List<ClusterObject> objectsOf(KubernetesClient client, String namespace, String cluster) {
        List<ClusterObject> found = new ArrayList<>();
        collect(found, cluster, "deployment", () -> client.apps().deployments().inNamespace(namespace).list().getItems());
        collect(found, cluster, "replicaset", () -> client.apps().replicaSets().inNamespace(namespace).list().getItems());
        collect(found, cluster, "pod", () -> client.pods().inNamespace(namespace).list().getItems());
        collect(found, cluster, "service", () -> client.services().inNamespace(namespace).list().getItems());
        collect(found, cluster, "configmap", () -> client.configMaps().inNamespace(namespace).list().getItems());
        collect(found, cluster, "job", () -> client.batch().v1().jobs().inNamespace(namespace).list().getItems());
        return found;
    }

    private static <T extends HasMetadata> void collect(List<ClusterObject> found, String cluster, String kind,
                                                        Supplier<List<T>> list) {
        for (T item : list.get()) {
            String name = item.getMetadata().getName();
            boolean labelled = item.getMetadata().getLabels() != null
                    && cluster.equals(item.getMetadata().getLabels().get(SparkLabels.INSTANCE));
            if (belongs(cluster, name) || labelled) {
                String created = item.getMetadata().getCreationTimestamp();
                List<String> owners = item.getMetadata().getOwnerReferences() == null ? List.of()
                        : item.getMetadata().getOwnerReferences().stream().map(OwnerReference::getUid).toList();
                found.add(new ClusterObject(kind + "/" + name, item.getMetadata().getUid(),
                        created == null ? null : Instant.parse(created), owners));
            }
        }
    }

    /** CLUSTER-master, CLUSTER-worker-abc..., not CLUSTERX-... (spark-b is not part of spark). */
    private static boolean belongs(String cluster, String name) {
        return name.equals(cluster) || name.startsWith(cluster + "-master") || name.startsWith(cluster + "-worker")
                || name.startsWith(cluster + "-job") || name.startsWith(cluster + "-svc");
    }
}
