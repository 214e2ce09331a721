package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.labctl.kube.KubeErrors;
import io.labctl.kube.MetadataList;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What one namespace holds, as teardown needs to know it: the objects of one Spark cluster (found by its labels) and,
 * when asked for the whole namespace, whether anything else lives there, from one list per kind that serves both
 * questions. Deleting a namespace deletes everything in it, a student's volume claims and configuration included, so
 * labctl deletes a namespace it created only when this inventory finds nothing but the cluster in it.
 */
final class NamespaceInventory {
    /**
     * What counts as someone's work when labctl decides whether the namespace it created may go (ReplicaSets are their
     * Deployments', and their pods are listed).
     */
    private static final List<Class<? extends HasMetadata>> SOMEONES_WORK = List.of(Deployment.class,
            StatefulSet.class, DaemonSet.class, Job.class, CronJob.class, Service.class, Pod.class,
            PersistentVolumeClaim.class, ConfigMap.class, Secret.class);

    /** Lists in flight at once: enough to overlap the round trips, few enough not to crowd a small API server. */
    private static final int CONCURRENT_LISTS = 4;

    static final String OTHERS_LIVE_THERE = "other workloads or data still live in it";

    private final List<HasMetadata> clusterObjects;
    private final boolean wholeNamespace;
    private final String notOnlyTheCluster;

    private NamespaceInventory(List<HasMetadata> clusterObjects, boolean wholeNamespace, String notOnlyTheCluster) {
        this.clusterObjects = clusterObjects;
        this.wholeNamespace = wholeNamespace;
        this.notOnlyTheCluster = notOnlyTheCluster;
    }

    /** Lists only the cluster's kinds, by its labels: enough when the namespace may not go anyway. */
    static NamespaceInventory ofCluster(KubernetesClient client, String namespace, String clusterName) {
        Map<String, String> labels = SparkLabels.cluster(clusterName);
        List<HasMetadata> found = new ArrayList<>();
        for (Class<? extends HasMetadata> kind : StandaloneManifests.possibleKinds()) {
            found.addAll(listByLabels(client, namespace, kind, labels));
        }
        return new NamespaceInventory(deletable(found), false, null);
    }

    /**
     * Lists every kind of the cluster and of {@link #SOMEONES_WORK} in the whole namespace, once each. A kind this
     * identity may not list makes the answer "cannot tell"; for a kind the cluster may hold, its objects are then
     * asked for by label (an authorizer may allow a list limited to the cluster's labels, and if not, teardown cannot
     * proceed and says so).
     */
    static NamespaceInventory ofNamespace(KubernetesClient client, String namespace, String clusterName) {
        Map<String, String> labels = SparkLabels.cluster(clusterName);
        Set<Class<? extends HasMetadata>> clusterKinds = StandaloneManifests.possibleKinds();
        Set<Class<? extends HasMetadata>> kinds = new LinkedHashSet<>(clusterKinds);
        kinds.addAll(SOMEONES_WORK);
        List<HasMetadata> ofCluster = new ArrayList<>();
        String notOnlyTheCluster = null;
        String unlistable = null;
        Map<Class<? extends HasMetadata>, Listing> listings = listConcurrently(client, namespace, kinds);
        for (Class<? extends HasMetadata> kind : kinds) {
            Listing listing = listings.get(kind);
            if (listing.forbidden()) {
                unlistable = unlistable != null ? unlistable : HasMetadata.getPlural(kind);
                if (clusterKinds.contains(kind)) {
                    ofCluster.addAll(listByLabels(client, namespace, kind, labels));
                }
                continue;
            }
            for (HasMetadata object : listing.items()) {
                boolean cluster = clusterKinds.contains(kind) && hasLabels(object, labels);
                if (cluster) {
                    ofCluster.add(object);
                } else if (notOnlyTheCluster == null && isSomeonesWork(object)) {
                    notOnlyTheCluster = OTHERS_LIVE_THERE;
                }
            }
        }
        if (unlistable != null) {
            notOnlyTheCluster = "this identity may not list " + unlistable + " in it, so labctl cannot tell whether "
                    + "anything else lives there";
        }
        return new NamespaceInventory(deletable(ofCluster), true, notOnlyTheCluster);
    }

    /** One kind's objects in the namespace, or none and forbidden when this identity may not list the kind. */
    private record Listing(List<? extends HasMetadata> items, boolean forbidden) {
    }

    /**
     * Every kind listed at the same time: teardown waits for all of them before it may delete, and one after the
     * other they took 0.8 s at 200 workers, mostly round trips and the parsing of each kind's first list, which
     * overlap. The first failure other than "forbidden", in the kinds' order, is thrown as a labctl error.
     */
    private static Map<Class<? extends HasMetadata>, Listing> listConcurrently(
            KubernetesClient client, String namespace, Set<Class<? extends HasMetadata>> kinds) {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_LISTS, runnable -> {
            Thread thread = new Thread(runnable, "labctl-namespace-inventory");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<Class<? extends HasMetadata>, CompletableFuture<Listing>> pending = new LinkedHashMap<>();
            for (Class<? extends HasMetadata> kind : kinds) {
                pending.put(kind, CompletableFuture.supplyAsync(() -> listAll(client, namespace, kind), pool));
            }
            Map<Class<? extends HasMetadata>, Listing> listings = new LinkedHashMap<>();
            for (Map.Entry<Class<? extends HasMetadata>, CompletableFuture<Listing>> entry : pending.entrySet()) {
                try {
                    listings.put(entry.getKey(), entry.getValue().join());
                } catch (CompletionException e) {
                    if (e.getCause() instanceof RuntimeException failure) {
                        throw failure;
                    }
                    throw e;
                }
            }
            return listings;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Listing listAll(KubernetesClient client, String namespace, Class<? extends HasMetadata> kind) {
        try {
            if (kind == Secret.class) { // whether a Secret is someone's work depends on its type, not in metadata
                return new Listing(client.resources(kind).inNamespace(namespace).list().getItems(), false);
            }
            return new Listing(byMetadata(client, kind, namespace), false);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 403) {
                throw KubeErrors.translate(e, client.getMasterUrl().toString(), "list " + HasMetadata.getPlural(kind));
            }
            return new Listing(List.of(), true);
        }
    }

    /**
     * The namespace's objects of one kind, each with its metadata only. What this inventory asks of an object (labels,
     * owners, deletion) and what teardown does with one (delete it by kind and name, wait until it is gone) need
     * nothing else. Pods grow with the cluster (200 workers are 2 MB of JSON), and on a cold JVM reading the first
     * full Deployment or Pod builds the deserializers of their whole model: about 0.25 s before the delete.
     */
    private static List<HasMetadata> byMetadata(KubernetesClient client, Class<? extends HasMetadata> kind,
                                                String namespace) {
        List<HasMetadata> objects = new ArrayList<>();
        for (ObjectMeta metadata : MetadataList.of(client, kind, namespace)) {
            HasMetadata object = newInstance(kind);
            object.setMetadata(metadata);
            objects.add(object);
        }
        return objects;
    }

    /** A fabric8 model object: each has a public no-argument constructor that sets its apiVersion and kind. */
    private static HasMetadata newInstance(Class<? extends HasMetadata> kind) {
        try {
            return kind.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a " + kind.getName() + " for its metadata", e);
        }
    }

    /**
     * The cluster's objects teardown deletes, most dependent first (Deployments before the Services and ConfigMaps
     * they use). Pods of the Deployments go with them; job pods (spark run) have no owner and are listed here.
     */
    List<HasMetadata> clusterObjects() {
        return clusterObjects;
    }

    /** Why the namespace holds more than the cluster (or may), or null when the cluster is all there is. */
    String notOnlyTheCluster() {
        if (!wholeNamespace) {
            throw new IllegalStateException("only the cluster's objects were listed");
        }
        return notOnlyTheCluster;
    }

    private static List<? extends HasMetadata> listByLabels(KubernetesClient client, String namespace,
                                                            Class<? extends HasMetadata> kind, Map<String, String> labels) {
        return KubeErrors.call(client, () -> client.resources(kind).inNamespace(namespace).withLabels(labels).list()
                .getItems(), "list " + HasMetadata.getPlural(kind));
    }

    private static List<HasMetadata> deletable(List<HasMetadata> found) {
        List<HasMetadata> unowned = found.stream().filter(o -> !(o instanceof Pod) || isUnowned(o)).toList();
        List<HasMetadata> mostDependentFirst = new ArrayList<>(ClusterObjects.of(unowned).inApplyOrder());
        Collections.reverse(mostDependentFirst);
        return List.copyOf(mostDependentFirst);
    }

    private static boolean hasLabels(HasMetadata object, Map<String, String> labels) {
        Map<String, String> actual = object.getMetadata().getLabels();
        return actual != null && actual.entrySet().containsAll(labels.entrySet());
    }

    private static boolean isUnowned(HasMetadata object) {
        return object.getMetadata().getOwnerReferences() == null || object.getMetadata().getOwnerReferences().isEmpty();
    }

    /** Not what Kubernetes puts in every namespace (its CA bundle, service account tokens), nor what is going away. */
    private static boolean isSomeonesWork(HasMetadata object) {
        if (object.getMetadata().getDeletionTimestamp() != null) {
            return false;
        }
        if (object instanceof ConfigMap && "kube-root-ca.crt".equals(object.getMetadata().getName())) {
            return false;
        }
        return !(object instanceof Secret secret && "kubernetes.io/service-account-token".equals(secret.getType()));
    }
}
