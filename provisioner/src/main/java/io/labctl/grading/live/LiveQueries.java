package io.labctl.grading.live;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.labctl.kube.PodDiagnosis;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Cluster-wide reads shared by several checks, memoized per grading run. */
public final class LiveQueries {
    private LiveQueries() {
    }

    public static List<Node> nodes(LiveCluster live) {
        return live.memo("nodes", () -> live.client().nodes().list().getItems().stream()
                .sorted(Comparator.comparing(n -> n.getMetadata().getName())).toList());
    }

    /** A Deployment by name, read once per grading run whichever check asks first. */
    public static Optional<Deployment> deployment(LiveCluster live, String namespace, String name) {
        return live.memo("deployment/" + namespace + "/" + name,
                () -> Optional.ofNullable(live.client().apps().deployments().inNamespace(namespace).withName(name).get()));
    }

    /** Every Service of a namespace, listed once per grading run. */
    public static List<Service> services(LiveCluster live, String namespace) {
        return live.memo("services/" + namespace, () -> live.client().services().inNamespace(namespace).list().getItems());
    }

    /** "pod-x Ready, pod-y Pending: Insufficient cpu". */
    static String describePods(List<Pod> pods) {
        if (pods.isEmpty()) {
            return "no pods";
        }
        return String.join(", ", pods.stream().map(p -> p.getMetadata().getName() + " " + PodDiagnosis.explain(p)).toList());
    }
}
