package io.labctl.spark.standalone;

import io.labctl.kube.Labels;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.labctl.kube.AccessCheck;
import io.labctl.kube.Await;
import io.labctl.kube.AccessCheck.Permission;
import io.labctl.kube.KubeErrors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Removes exactly one cluster's objects: found by its labels, deleted one by one by name (so the API
 * server's audit log names every object removed), then waits until they and their pods are gone.
 * The namespace goes too only if labctl created it and nothing else lives in it.
 */
public final class StandaloneTeardown {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(3);

    private final KubernetesClient client;
    private final Progress progress;

    public StandaloneTeardown(KubernetesClient client, Progress progress) {
        this.client = client;
        this.progress = progress;
    }

    public TeardownResult teardown(String namespace, String name, Duration timeout) {
        SparkClusterSpec.requireClusterName(name);
        Map<String, String> labels = SparkLabels.cluster(name);
        List<HasMetadata> objects = find(namespace, labels);
        if (objects.isEmpty()) {
            progress.note("no Spark cluster named " + name + " in namespace " + namespace + "; nothing to remove");
            return new TeardownResult(name, namespace, List.of(), false, "nothing was removed",
                    KubectlEquivalents.teardown(namespace, name));
        }
        new AccessCheck(client).require(List.of(
                Permission.of("delete", "apps", "deployments", namespace),
                Permission.of("delete", "", "services", namespace),
                Permission.of("delete", "", "pods", namespace),
                Permission.of("delete", "", "configmaps", namespace),
                Permission.of("watch", "", "pods", namespace)), "tearing down a Spark cluster");

        progress.step("Deleting " + objects.size() + " objects of " + name + " in " + namespace);
        List<String> deleted = new ArrayList<>();
        for (HasMetadata object : objects) {
            String id = object.getKind().toLowerCase() + "/" + object.getMetadata().getName();
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
        return new TeardownResult(name, namespace, deleted, namespaceDeleted, keptBecause,
                KubectlEquivalents.teardown(namespace, name));
    }

    /** Everything of the cluster labctl creates: Deployments, Services, job pods, ConfigMaps. */
    private List<HasMetadata> find(String namespace, Map<String, String> labels) {
        List<HasMetadata> found = new ArrayList<>();
        found.addAll(KubeErrors.call(client, () -> client.apps().deployments().inNamespace(namespace).withLabels(labels).list().getItems(),
                "list deployments"));
        found.addAll(KubeErrors.call(client, () -> client.services().inNamespace(namespace).withLabels(labels).list().getItems(),
                "list services"));
        found.addAll(KubeErrors.call(client, () -> client.configMaps().inNamespace(namespace).withLabels(labels).list().getItems(),
                "list configmaps"));
        // Pods of the Deployments go with them; job pods (spark run) have no owner and are deleted here.
        found.addAll(KubeErrors.call(client, () -> client.pods().inNamespace(namespace).withLabels(labels).list().getItems(),
                "list pods").stream()
                .filter(p -> p.getMetadata().getOwnerReferences() == null || p.getMetadata().getOwnerReferences().isEmpty())
                .toList());
        return found;
    }

    /** Why the namespace stays, or null if labctl created it and no workload of anyone is left in it. */
    private String namespaceKeptBecause(String namespace) {
        Namespace ns = client.namespaces().withName(namespace).get();
        if (ns == null) {
            return "it no longer exists";
        }
        if (!Labels.createdByLabctl(ns)) {
            return "labctl did not create it";
        }
        int left = client.apps().deployments().inNamespace(namespace).list().getItems().size()
                + client.apps().statefulSets().inNamespace(namespace).list().getItems().size()
                + client.services().inNamespace(namespace).list().getItems().size()
                + (int) client.pods().inNamespace(namespace).list().getItems().stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null).count();
        return left > 0 ? "other workloads still live in it" : null;
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
