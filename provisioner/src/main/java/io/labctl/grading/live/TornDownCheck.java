package io.labctl.grading.live;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.labctl.grading.checks.Check;
import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckParams;
import io.labctl.grading.checks.GradingContext;
import io.labctl.grading.live.TeardownRecord.ClusterObject;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code torn-down}: the Spark cluster {@code cluster} was there and was destroyed, with nothing of it left.
 *
 * <p>"Nothing named {@code CLUSTER-*} in the namespace" alone would give the points to a student who never deployed
 * the cluster, so the check wants evidence that it existed: the {@link TeardownRecord} written right before the
 * deletion ({@code labctl lab run} writes it for its teardown step; by hand it is one {@code kubectl create configmap}
 * line, in the lab's step). Of the three kinds of evidence at hand, this is the one a read-only grader can judge
 * long after the fact: the student's report can claim anything, Kubernetes events expire after an hour, and asking
 * for the deletion to happen while grading runs does not fit an instructor grading a class after the deadline.
 *
 * <p>With a record, an object of the cluster is left over when its UID (or its owner's) is recorded or it was created
 * before the record (whole seconds: the same second as the record is not "before"); objects created after it are the cluster deployed again (the lab rebuilds it beside a second
 * one), which is fine. Without a record the check fails and says how to make one; objects of the cluster that are
 * still there fail it either way, named with the delete command.
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
            return CheckOutcome.fail("namespace " + namespace + " does not exist, and with it no record that " + cluster
                    + " was ever deployed there", noRecordHint());
        }
        List<ClusterObject> objects = TeardownRecord.objectsOf(client, namespace, cluster);
        Optional<TeardownRecord.Entry> record = TeardownRecord.read(client, namespace, cluster);
        if (record.isEmpty() || record.get().uids().isEmpty()) {
            if (!objects.isEmpty()) {
                return stillThere(objects.stream().map(ClusterObject::ref).toList());
            }
            return CheckOutcome.fail("nothing of " + cluster + " is in namespace " + namespace + ", but no record ("
                    + "configmap/" + TeardownRecord.CONFIG_MAP + " key " + TeardownRecord.key(cluster) + ") shows it was "
                    + "ever deployed: a cluster that never existed earns no points for its teardown", noRecordHint());
        }
        TeardownRecord.Entry entry = record.get();
        Set<String> old = new HashSet<>(entry.uids());
        // Owners first: a ReplicaSet of a recorded Deployment is old, and so are that ReplicaSet's pods.
        for (String kind : List.of("deployment/", "replicaset/", "pod/")) {
            objects.stream().filter(o -> o.ref().startsWith(kind) && isOld(o, old, entry)).forEach(o -> old.add(o.uid()));
        }
        List<String> left = objects.stream().filter(o -> isOld(o, old, entry)).map(ClusterObject::ref).toList();
        if (!left.isEmpty()) {
            return stillThere(left);
        }
        String recreated = objects.stream().filter(o -> o.ref().startsWith("deployment/")).map(ClusterObject::ref)
                .reduce((a, b) -> a + ", " + b).map(d -> "; deployed again since: " + d).orElse("");
        return CheckOutcome.pass("the " + entry.uids().size() + " recorded object(s) of " + cluster + " are gone"
                + " (record of " + entry.recordedAt() + "), nothing older is left in namespace " + namespace + recreated);
    }

    private static boolean isOld(ClusterObject o, Set<String> old, TeardownRecord.Entry entry) {
        return old.contains(o.uid()) || o.ownerUids().stream().anyMatch(old::contains)
                || (entry.recordedAt() != null && o.created() != null && o.created().isBefore(entry.recordedAt()));
    }

    private CheckOutcome stillThere(List<String> left) {
        return CheckOutcome.fail("still there: " + String.join(", ", left),
                "delete what is left: kubectl delete " + String.join(" ", left) + " -n " + namespace
                        + " (labctl spark teardown " + cluster + " -n " + namespace + " removes every part)");
    }

    private String noRecordHint() {
        return "deploy " + cluster + " and destroy it with `labctl lab run ex4` (its teardown step records the cluster "
                + "first); by hand, record it before deleting: kubectl create configmap " + TeardownRecord.CONFIG_MAP
                + " -n " + namespace + " --from-literal=" + TeardownRecord.key(cluster) + "=\"$(kubectl get deployment "
                + cluster + "-master " + cluster + "-worker -n " + namespace
                + " -o jsonpath='{.items[*].metadata.uid}')\"";
    }
}
