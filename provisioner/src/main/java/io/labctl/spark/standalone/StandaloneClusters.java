package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.labctl.core.LabctlException;
import io.labctl.kube.KubeErrors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Finds labctl's Spark clusters: by name in a namespace, or all of them, by their labels. */
public final class StandaloneClusters {

    /** A cluster's identity. */
    public record ClusterRef(String namespace, String name) implements Comparable<ClusterRef> {
        @Override
        public int compareTo(ClusterRef o) {
            return Comparator.comparing(ClusterRef::namespace).thenComparing(ClusterRef::name).compare(this, o);
        }
    }

    private final KubernetesClient client;

    public StandaloneClusters(KubernetesClient client) {
        this.client = client;
    }

    public Optional<Deployment> master(String namespace, String name) {
        return Optional.ofNullable(KubeErrors.call(client, () -> client.apps().deployments().inNamespace(namespace)
                .withName(SparkLabels.masterDeployment(name)).get(), "read the master of " + name))
                .filter(d -> isOurs(d, name));
    }

    /** The master Deployment of an existing cluster, or a NOT_FOUND error naming how to list clusters. */
    public Deployment requireMaster(String namespace, String name) {
        SparkClusterSpec.requireClusterName(name);
        return master(namespace, name).orElseThrow(() -> LabctlException.notFound(
                "no Spark cluster named " + name + " in namespace " + namespace,
                "list clusters with `labctl spark list -A`, or create it with `labctl spark deploy " + name
                        + " -n " + namespace + "`"));
    }

    /** The spec labctl recorded when it deployed the cluster. */
    public SparkClusterSpec recordedSpec(Deployment master) {
        Map<String, String> annotations = master.getMetadata().getAnnotations();
        String json = annotations == null ? null : annotations.get(SparkLabels.SPEC_ANNOTATION);
        String where = "deployment " + master.getMetadata().getName();
        if (json == null) {
            throw LabctlException.precondition(where + " has no " + SparkLabels.SPEC_ANNOTATION + " annotation",
                    "redeploy the cluster with `labctl spark deploy`");
        }
        return SpecCodec.fromJson(json, where);
    }

    /**
     * Every cluster with at least one labctl object (Deployment or Service) in {@code namespace}, or
     * in all namespaces when it is null; half-created clusters are included so teardown finds them.
     */
    public List<ClusterRef> list(String namespace) {
        Map<String, String> labels = Map.of(SparkLabels.NAME, SparkLabels.APP,
                SparkLabels.MANAGED_BY, SparkLabels.MANAGER);
        List<HasMetadata> objects = new ArrayList<>();
        if (namespace == null) {
            objects.addAll(KubeErrors.call(client, () -> client.apps().deployments().inAnyNamespace().withLabels(labels).list().getItems(),
                    "list deployments"));
            objects.addAll(KubeErrors.call(client, () -> client.services().inAnyNamespace().withLabels(labels).list().getItems(),
                    "list services"));
        } else {
            objects.addAll(KubeErrors.call(client, () -> client.apps().deployments().inNamespace(namespace).withLabels(labels).list()
                    .getItems(), "list deployments"));
            objects.addAll(KubeErrors.call(client, () -> client.services().inNamespace(namespace).withLabels(labels).list().getItems(),
                    "list services"));
        }
        TreeSet<ClusterRef> refs = new TreeSet<>();
        for (HasMetadata o : objects) {
            String instance = o.getMetadata().getLabels().get(SparkLabels.INSTANCE);
            if (instance != null) {
                refs.add(new ClusterRef(o.getMetadata().getNamespace(), instance));
            }
        }
        return List.copyOf(refs);
    }

    static boolean isOurs(HasMetadata object, String name) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels != null && SparkLabels.MANAGER.equals(labels.get(SparkLabels.MANAGED_BY))
                && name.equals(labels.get(SparkLabels.INSTANCE));
    }

}
