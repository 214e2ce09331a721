package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
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
import java.util.List;
import java.util.Map;

/**
 * Removes exactly one cluster. When labctl created the namespace and one list per kind finds nothing else in it, the
 * namespace is deleted in one request and its controller removes the cluster with it (what {@code kubectl delete
 * namespace} does). Otherwise the cluster's objects, found by its labels, are deleted one by one by name (so the API
 * server's audit log names every object removed), and teardown waits until they and their pods are gone; the
 * namespace then stays, and the result says why (labctl did not create it, others' work or kept data lives there, or
 * the identity may not look).
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

    /**
     * What teardown would do, found by reading only (for {@code --dry-run}, and the first half of {@link #teardown}).
     *
     * @param objects what would be deleted
     * @param kept data objects left on purpose ({@code --keep-data}), as kind/name
     * @param namespaceKeptBecause why the namespace would stay; null when it goes with the cluster
     */
    public record Plan(String name, String namespace, List<HasMetadata> objects, List<String> kept,
                       String namespaceKeptBecause, boolean keepData) {
        public boolean deletesNamespace() {
            return namespaceKeptBecause == null && !objects.isEmpty();
        }

        public List<String> ids() {
            return objects.stream().map(StandaloneTeardown::id).toList();
        }

        /** The result teardown would give, had nothing refused it: what {@code --dry-run} prints. */
        public TeardownResult expectedResult() {
            if (objects.isEmpty()) {
                return new TeardownResult(name, namespace, List.of(), kept, false, kept.isEmpty() ? "nothing was removed"
                        : "data was kept", KubectlEquivalents.teardown(namespace, name, keepData));
            }
            return new TeardownResult(name, namespace, ids(), kept, deletesNamespace(), namespaceKeptBecause,
                    deletesNamespace() ? KubectlEquivalents.teardownNamespace(namespace)
                            : KubectlEquivalents.teardown(namespace, name, keepData));
        }
    }

    /** Reads only: what {@link #teardown} would delete and keep. */
    public Plan plan(String namespace, String name, boolean keepData) {
        SparkClusterSpec.requireClusterName(name);
        String notLabctls = whyNotLabctls(namespace);
        NamespaceInventory inventory = notLabctls == null ? NamespaceInventory.ofNamespace(client, namespace, name)
                : NamespaceInventory.ofCluster(client, namespace, name);
        List<HasMetadata> found = inventory.clusterObjects();
        List<HasMetadata> objects = found.stream().filter(o -> !(keepData && holdsData(o))).toList();
        List<String> kept = found.stream().filter(o -> keepData && holdsData(o)).map(StandaloneTeardown::id).toList();
        String keptBecause = notLabctls != null ? notLabctls
                : !kept.isEmpty() ? NamespaceInventory.OTHERS_LIVE_THERE : inventory.notOnlyTheCluster();
        return new Plan(name, namespace, objects, kept, keptBecause, keepData);
    }

    /** @param keepData leave the objects that hold data (PersistentVolumeClaims), and say so */
    public TeardownResult teardown(String namespace, String name, Duration timeout, boolean keepData) {
        Plan plan = plan(namespace, name, keepData);
        List<HasMetadata> objects = plan.objects();
        List<String> kept = plan.kept();
        kept.forEach(k -> progress.note("KEEPING " + k + " (--keep-data): its data stays until you run `kubectl delete "
                + k + " -n " + namespace + "`"));
        if (objects.isEmpty()) {
            progress.note("no Spark cluster named " + name + " in namespace " + namespace + "; nothing to remove");
            return plan.expectedResult();
        }
        String keptBecause = plan.namespaceKeptBecause();
        if (plan.deletesNamespace()) {
            if (deleteNamespace(namespace, name, objects.size(), timeout)) {
                return plan.expectedResult();
            }
            keptBecause = "this identity may not delete it";
        }
        List<String> deleted = deleteOneByOne(namespace, name, objects, timeout);
        return new TeardownResult(name, namespace, deleted, kept, false, keptBecause,
                KubectlEquivalents.teardown(namespace, name, keepData));
    }

    /**
     * Deletes the namespace and waits until it is gone; false when this identity may not delete it (nothing was
     * changed then, and the objects go one by one instead).
     */
    private boolean deleteNamespace(String namespace, String name, int objects, Duration timeout) {
        progress.step("Deleting namespace " + namespace + " and with it the " + objects + " objects of " + name
                + " (labctl created it and nothing else lives in it)");
        Namespace ns = new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build();
        try {
            client.resource(ns).delete();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403) {
                progress.note("this identity may not delete namespace " + namespace + "; deleting the objects one by one");
                return false;
            }
            throw KubeErrors.translate(e, client.getMasterUrl().toString(), "delete namespace " + namespace);
        }
        progress.step("Waiting until the namespace is gone");
        awaitGone(ns, System.nanoTime() + timeout.toNanos());
        return true;
    }

    private List<String> deleteOneByOne(String namespace, String name, List<HasMetadata> objects, Duration timeout) {
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
        awaitNoPods(namespace, SparkLabels.cluster(name), deadline);
        return deleted;
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

    /** Objects whose loss loses data: the claims (their volumes go with them under the usual Delete policy). */
    private static boolean holdsData(HasMetadata object) {
        return object instanceof PersistentVolumeClaim;
    }

    private static String id(HasMetadata object) {
        return object.getKind().toLowerCase() + "/" + object.getMetadata().getName();
    }

    /** Why labctl may not delete the namespace whatever lives in it, or null when labctl created it. */
    private String whyNotLabctls(String namespace) {
        try {
            Namespace ns = client.namespaces().withName(namespace).get();
            if (ns == null) {
                return "it no longer exists";
            }
            return Labels.createdByLabctl(ns) ? null : "labctl did not create it";
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403) { // a student's Role in their namespace rarely allows reading the Namespace itself
                return "this identity may not read the namespace, so labctl cannot tell whether it created it";
            }
            throw KubeErrors.translate(e, client.getMasterUrl().toString(), "read namespace " + namespace);
        }
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
