package io.labctl.grading.live;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.labctl.grading.checks.Check;
import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckParams;
import io.labctl.grading.checks.GradingContext;
import io.labctl.spark.standalone.SparkLabels;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code torn-down}: nothing of cluster {@code cluster} remains in the namespace: no Deployment,
 * ReplicaSet, Pod, Service, ConfigMap or Job named {@code CLUSTER-*} or labelled with it as
 * instance. It cannot tell a cluster that was deleted from one that never existed; the lab's step
 * order (deploy, then tear down) and the other checks cover that.
 */
public final class TornDownCheck implements Check {
    private final String namespace;
    private final String cluster;

    public TornDownCheck(CheckParams params) {
        this.namespace = params.requiredString("namespace");
        this.cluster = params.requiredString("cluster");
        params.requireNoUnknown();
    }

    @Override
    public CheckOutcome evaluate(GradingContext context) {
        KubernetesClient client = LiveCluster.of(context).client();
        if (client.namespaces().withName(namespace).get() == null) {
            return CheckOutcome.pass("namespace " + namespace + " no longer exists");
        }
        List<String> left = new ArrayList<>();
        collect(left, "deployment", () -> client.apps().deployments().inNamespace(namespace).list().getItems());
        collect(left, "replicaset", () -> client.apps().replicaSets().inNamespace(namespace).list().getItems());
        collect(left, "pod", () -> client.pods().inNamespace(namespace).list().getItems());
        collect(left, "service", () -> client.services().inNamespace(namespace).list().getItems());
        collect(left, "configmap", () -> client.configMaps().inNamespace(namespace).list().getItems());
        collect(left, "job", () -> client.batch().v1().jobs().inNamespace(namespace).list().getItems());
        if (left.isEmpty()) {
            return CheckOutcome.pass("nothing named " + cluster + "-* or labelled " + SparkLabels.INSTANCE + "="
                    + cluster + " in namespace " + namespace);
        }
        return CheckOutcome.fail("still there: " + String.join(", ", left),
                "delete what is left: kubectl delete " + String.join(" ", left) + " -n " + namespace
                        + " (labctl spark teardown " + cluster + " -n " + namespace + " removes every part)");
    }

    private <T extends HasMetadata> void collect(List<String> left, String kind, Supplier<List<T>> list) {
        for (T item : list.get()) {
            String name = item.getMetadata().getName();
            boolean labelled = item.getMetadata().getLabels() != null
                    && cluster.equals(item.getMetadata().getLabels().get(SparkLabels.INSTANCE));
            if (belongs(name) || labelled) {
                left.add(kind + "/" + name);
            }
        }
    }

    /** CLUSTER-master, CLUSTER-worker-abc..., not CLUSTERX-... (spark-b is not part of spark). */
    private boolean belongs(String name) {
        return name.equals(cluster) || name.startsWith(cluster + "-master") || name.startsWith(cluster + "-worker")
                || name.startsWith(cluster + "-job") || name.startsWith(cluster + "-svc");
    }
}
