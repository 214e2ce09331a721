package io.labctl.spark.access;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.labctl.core.Progress;
import io.labctl.kube.PodLogStreams;
import io.labctl.spark.standalone.SparkLabels;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The logs of a cluster's master and workers ({@code labctl spark logs}). Following the master or all pods goes on
 * across restarts: the pod a Deployment makes to replace a deleted one is followed from its first line. One worker is
 * one pod: its follow ends with that pod (another worker is a different worker, not the same one restarted).
 */
public final class ClusterLogs {
    private static final Set<String> CLUSTER_COMPONENTS = Set.of(SparkLabels.MASTER, SparkLabels.WORKER);

    private final KubernetesClient client;
    private final ClusterPods pods;
    private final PodLogStreams streams;

    public ClusterLogs(KubernetesClient client, Progress progress) {
        this.client = client;
        this.pods = new ClusterPods(client);
        this.streams = new PodLogStreams(client, progress);
    }

    /**
     * The request resolved against the cluster: the pods whose logs exist now (master first, then workers by name) and
     * the kubectl line that shows the same.
     */
    public record Plan(LogRequest request, List<Pod> pods, String kubectl) {
    }

    /** Resolves the pods; NOT_FOUND (3) for an unknown cluster, USAGE (2) for a worker number out of range. */
    public Plan plan(LogRequest request) {
        String ns = request.namespace();
        String cluster = request.cluster();
        pods.requireCluster(ns, cluster);
        return switch (request.selection()) {
            case WORKER -> {
                Pod worker = pods.worker(ns, cluster, request.worker());
                yield new Plan(request, List.of(worker), AccessKubectl.logs(request, Optional.of(worker.getMetadata().getName())));
            }
            case MASTER -> new Plan(request, pods.masters(ns, cluster), AccessKubectl.logs(request, Optional.empty()));
            case ALL -> {
                List<Pod> all = new ArrayList<>(pods.masters(ns, cluster));
                all.addAll(pods.workers(ns, cluster));
                yield new Plan(request, all, AccessKubectl.logs(request, Optional.empty()));
            }
        };
    }

    /** Prints the plan's logs, or with {@code follow} streams them until interrupted (or, for one worker, its end). */
    public void run(Plan plan, Consumer<PodLogStreams.Line> out) {
        LogRequest request = plan.request();
        PodLogStreams.Window window = new PodLogStreams.Window(
                request.since() == null ? null : (int) Math.min(Integer.MAX_VALUE, request.since().toSeconds()), request.tail());
        if (!request.follow()) {
            streams.print(plan.pods(), window, out);
            return;
        }
        String ns = request.namespace();
        String cluster = request.cluster();
        switch (request.selection()) {
            case WORKER -> {
                String pod = plan.pods().get(0).getMetadata().getName();
                streams.follow(client.pods().inNamespace(ns).withName(pod), "the log of pod " + pod, p -> true, window, out,
                        (list, open) -> list.isEmpty() && open == 0);
            }
            case MASTER -> streams.follow(client.pods().inNamespace(ns).withLabels(SparkLabels.component(cluster,
                            SparkLabels.MASTER)), "the master's log", p -> true, window, out, (list, open) -> false);
            case ALL -> streams.follow(client.pods().inNamespace(ns).withLabels(SparkLabels.cluster(cluster)),
                    "the logs of " + cluster, p -> CLUSTER_COMPONENTS.contains(ClusterPods.componentOf(p)), window, out,
                    (list, open) -> false);
        }
    }
}
