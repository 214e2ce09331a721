package io.labctl.grading.live;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.labctl.kube.PodDiagnosis;

import java.util.Comparator;
import java.util.List;

/** Cluster-wide reads shared by several checks, memoized per grading run. */
public final class LiveQueries {
    private LiveQueries() {
    }

    public static List<Node> nodes(LiveCluster live) {
        return live.memo("nodes", () -> live.client().nodes().list().getItems().stream()
                .sorted(Comparator.comparing(n -> n.getMetadata().getName())).toList());
    }

    /** "pod-x Ready, pod-y Pending: Insufficient cpu". */
    static String describePods(List<Pod> pods) {
        if (pods.isEmpty()) {
            return "no pods";
        }
        return String.join(", ", pods.stream().map(p -> p.getMetadata().getName() + " " + PodDiagnosis.explain(p)).toList());
    }
}
