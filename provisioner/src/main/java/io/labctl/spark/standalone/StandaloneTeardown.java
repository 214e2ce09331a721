package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
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
import io.fabric8.kubernetes.client.dsl.Informable;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.labctl.kube.AccessCheck;
import io.labctl.kube.AccessCheck.Permission;
import io.labctl.kube.Await;
import io.labctl.kube.KubeErrors;
import io.labctl.kube.Labels;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Removes exactly one cluster's objects: found by its labels, deleted one by one by name (so the API
 * server's audit log names every object removed), then waits until they and their pods are gone.
 * The namespace goes too only if labctl created it and nothing else lives in it (workloads, volume claims,
 * configuration); when the identity may not look, the namespace stays and the result says why.
 */
public final class StandaloneTeardown {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(3);

    private final KubernetesClient client;
    private final Progress progress;

    public StandaloneTeardown(KubernetesClient client, Progress progress) {
        this.client = client;
        this.progress = progress;
    }

    /** Removes everything of the cluster, its data included. */
    public TeardownResult teardown(String namespace, String name, Duration timeout) {
        return teardown(namespace, name, timeout, false);
    }

    /** @param keepData leave the objects that hold data (PersistentVolumeClaims), and say so */
    public TeardownResult teardown(String namespace, String name, Duration timeout, boolean keepData) {
        SparkClusterSpec.requireClusterName(name);
        Map<String, String> labels = SparkLabels.cluster(name);
        List<HasMetadata> found = find(namespace, labels);
        List<HasMetadata> objects = found.stream().filter(o -> !(keepData && holdsData(o))).toList();
        List<String> kept = found.stream().filter(o -> keepData && holdsData(o)).map(StandaloneTeardown::id).toList();
        kept.forEach(k -> progress.note("KEEPING " + k + " (--keep-data): its data stays until you run `kubectl delete "
                + k + " -n " + namespace + "`"));
        if (objects.isEmpty()) {
            progress.note("no Spark cluster named " + name + " in namespace " + namespace + "; nothing to remove");
            return new TeardownResult(name, namespace, List.of(), kept, false, kept.isEmpty() ? "nothing was removed"
                    : "data was kept", KubectlEquivalents.teardown(namespace, name, keepData));
        }
        new AccessCheck(client).require(neededPermissions(namespace), "tearing down a Spark cluster");

        progress.step("Deleting " + objects.size() + " objects of " + name + " in " + namespace);
        List<String> deleted = new ArrayList<>();
        for (HasMetadata object : objects) {
            String id = id(object);
            KubeErrors.call(client, () -> client.resource(object).withPropagationPolicy(DeletionPropagation.FOREGROUND).delete(),
                    "delete " + id);
            deleted.add(id);
        }
        progress.step("Waiting until they and their pods are gone");
        long deadline = System.nanoTime() + timeout.toNanos();
        for (HasMetadata object : objects) {
            awaitGone(object, deadline);
        }
        awaitNoPods(namespace, labels, deadline);

        String keptBecause = namespaceKeptBecause(namespace);
        boolean namespaceDeleted = keptBecause == null;
        if (namespaceDeleted) {
            progress.step("Deleting namespace " + namespace + " (labctl created it and it is now empty)");
            Namespace ns = client.namespaces().withName(namespace).get();
            KubeErrors.call(client, () -> client.resource(ns).delete(), "delete namespace " + namespace);
            awaitGone(ns, deadline);
        }
        return new TeardownResult(name, namespace, deleted, kept, namespaceDeleted, keptBecause,
                KubectlEquivalents.teardown(namespace, name, keepData));
    }

    /** Delete each kind a cluster may hold, and watch pods until they are gone. */
    static List<Permission> neededPermissions(String namespace) {
        List<Permission> needed = new ArrayList<>();
        for (Class<? extends HasMetadata> kind : StandaloneManifests.possibleKinds()) {
            needed.add(Permission.on("delete", kind, namespace));
        }
        needed.add(Permission.on("watch", Pod.class, namespace));
        return needed;
    }

    /**
     * Everything of the cluster: each kind the templates, steps and jobs may create, found by the cluster's labels,
     * most dependent first (Deployments before the Services and ConfigMaps they use). Pods of the Deployments go with
     * them; job pods (spark run) have no owner and are deleted here.
     */
    private List<HasMetadata> find(String namespace, Map<String, String> labels) {
        List<HasMetadata> found = new ArrayList<>();
        for (Class<? extends HasMetadata> kind : StandaloneManifests.possibleKinds()) {
            List<? extends HasMetadata> items = KubeErrors.call(client, () -> client.resources(kind).inNamespace(namespace)
                    .withLabels(labels).list().getItems(), "list " + HasMetadata.getPlural(kind));
            items.stream().filter(o -> !(o instanceof Pod) || isUnowned(o)).forEach(found::add);
        }
        List<HasMetadata> inApplyOrder = ClusterObjects.of(found).inApplyOrder();
        List<HasMetadata> mostDependentFirst = new ArrayList<>(inApplyOrder);
        Collections.reverse(mostDependentFirst);
        return mostDependentFirst;
    }

    /** Objects whose loss loses data: the claims (their volumes go with them under the usual Delete policy). */
    private static boolean holdsData(HasMetadata object) {
        return object instanceof PersistentVolumeClaim;
    }

    private static String id(HasMetadata object) {
        return object.getKind().toLowerCase() + "/" + object.getMetadata().getName();
    }

    private static boolean isUnowned(HasMetadata object) {
        return object.getMetadata().getOwnerReferences() == null || object.getMetadata().getOwnerReferences().isEmpty();
    }

    /**
     * What counts as someone's work when labctl decides whether the namespace it created may go: deleting a namespace
     * deletes everything in it, a student's volume claims and configuration included.
     */
    private static final List<Class<? extends HasMetadata>> SOMEONES_WORK = List.of(Deployment.class,
            StatefulSet.class, DaemonSet.class, Job.class, CronJob.class, Service.class, Pod.class,
            PersistentVolumeClaim.class, ConfigMap.class, Secret.class);

    /** Why the namespace stays, or null if labctl created it and nothing of anyone is left in it. */
    private String namespaceKeptBecause(String namespace) {
        try {
            Namespace ns = client.namespaces().withName(namespace).get();
            if (ns == null) {
                return "it no longer exists";
            }
            if (!Labels.createdByLabctl(ns)) {
                return "labctl did not create it";
            }
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403) { // a student's Role in their namespace rarely allows reading the Namespace itself
                return "this identity may not read the namespace, so labctl cannot tell whether it created it";
            }
            throw KubeErrors.translate(e, client.getMasterUrl().toString(), "read namespace " + namespace);
        }
        for (Class<? extends HasMetadata> kind : SOMEONES_WORK) {
            try {
                if (client.resources(kind).inNamespace(namespace).list().getItems().stream()
                        .anyMatch(StandaloneTeardown::isSomeonesWork)) {
                    return "other workloads or data still live in it";
                }
            } catch (KubernetesClientException e) {
                if (e.getCode() == 403) {
                    return "this identity may not list " + HasMetadata.getPlural(kind) + " in it, so labctl cannot tell "
                            + "whether anything else lives there";
                }
                throw KubeErrors.translate(e, client.getMasterUrl().toString(), "list " + HasMetadata.getPlural(kind));
            }
        }
        return null;
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

    private void awaitGone(HasMetadata object, long deadline) {
        String id = object.getKind().toLowerCase() + "/" + object.getMetadata().getName()
                + (object.getMetadata().getNamespace() == null ? "" : " -n " + object.getMetadata().getNamespace());
        awaitEmpty(client.resource(object), id, deadline);
    }

    private void awaitNoPods(String namespace, Map<String, String> labels, long deadline) {
        awaitEmpty(client.pods().inNamespace(namespace).withLabels(labels),
                "pods -l " + SparkLabels.selectorString(labels) + " -n " + namespace, deadline);
    }

    private <T extends HasMetadata> void awaitEmpty(Informable<T> objects, String what, long deadline) {
        Duration left = Duration.ofNanos(deadline - System.nanoTime());
        if (left.isNegative() || left.isZero()) {
            throw timeout(what);
        }
        if (Await.on(client, objects, what).within(left, list -> list.isEmpty()
                ? Await.Verdict.done(true, null) : Await.Verdict.notYet(null)).isEmpty()) {
            throw timeout(what);
        }
    }

    /** {@code what} is written as kubectl's arguments ("deployment/a-master -n lab"), so the hint can quote it. */
    private static LabctlException timeout(String what) {
        return new LabctlException(ExitCode.TIMEOUT, "deleted, but " + what + " did not disappear in time",
                "a finalizer or a stuck node may hold it; check `kubectl get " + what
                        + " -o yaml`, then run teardown again");
    }

}
