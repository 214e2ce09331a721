package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.labctl.core.Progress;
import io.labctl.kube.Await;
import io.labctl.kube.PodDiagnosis;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Waits until a cluster is ready. Pod state comes from one watch (an informer) on the cluster's pods, so labctl reacts
 * to every change without polling the API server (through {@link Await}); the progress display and the final result
 * read that same list. The Spark master has no watch API, so its status is read through the API server's pod proxy,
 * but only once every pod is Ready (the worker count cannot match before) and at most once per {@link #MASTER_POLL}
 * however many pod events arrive.
 */
public final class ClusterWaiter {
    static final Duration MASTER_POLL = Duration.ofSeconds(1);

    /** What the wait ended with: the readiness and the cluster's pods as last seen by the watch. */
    public record ReadyCluster(Readiness readiness, List<Pod> pods) {
    }

    private final KubernetesClient client;
    private final SparkMasterClient masterClient;
    private final Progress progress;

    public ClusterWaiter(KubernetesClient client, Progress progress) {
        this.client = client;
        this.masterClient = new SparkMasterClient(client);
        this.progress = progress;
    }

    /** Returns the final readiness and pods; throws TIMEOUT with what is missing when {@code timeout} passes. */
    public ReadyCluster await(String namespace, String clusterName, int expectedWorkers, WaitMode mode,
                              Duration timeout) {
        if (mode == WaitMode.none) {
            throw new IllegalArgumentException("nothing to wait for in mode NONE");
        }
        MasterReads master = new MasterReads(namespace);
        return Await.on(client, client.pods().inNamespace(namespace).withLabels(SparkLabels.cluster(clusterName)),
                        "the pods of " + clusterName)
                .recheckEvery(MASTER_POLL) // the master's count changes without a pod event
                .reportingTo(progress)
                .hint("the objects exist; inspect them with `labctl spark status " + clusterName + " -n " + namespace
                        + "`, wait longer with --timeout, or remove them with `labctl spark teardown " + clusterName
                        + " -n " + namespace + "`")
                .until(timeout, pods -> {
                    boolean podsReady = Readiness.evaluate(pods, Optional.empty(), expectedWorkers, WaitMode.pods).ready();
                    Optional<MasterStatus> status = mode == WaitMode.spark && podsReady ? master.read(pods)
                            : Optional.empty();
                    Readiness readiness = Readiness.evaluate(pods, status, expectedWorkers, mode);
                    return readiness.ready() ? Await.Verdict.done(new ReadyCluster(readiness, pods), readiness.summary())
                            : Await.Verdict.notYet(readiness.summary(), readiness.missing());
                });
    }

    /**
     * The master's status, read again only when most of {@link #MASTER_POLL} has passed since the last read: the
     * recheck that wakes the wait comes a little early or late, and skipping it would double the interval.
     */
    private final class MasterReads {
        private final String namespace;
        private long lastRead;
        private Optional<MasterStatus> last = Optional.empty();

        MasterReads(String namespace) {
            this.namespace = namespace;
        }

        Optional<MasterStatus> read(List<Pod> pods) {
            long now = System.nanoTime();
            if (lastRead != 0 && now - lastRead < MASTER_POLL.toNanos() * 4 / 5) {
                return last;
            }
            lastRead = now;
            last = pods.stream()
                    .filter(p -> SparkLabels.MASTER.equals(p.getMetadata().getLabels().get(SparkLabels.COMPONENT)))
                    .filter(PodDiagnosis::isReady)
                    .filter(p -> !PodDiagnosis.isTerminating(p))
                    .findFirst()
                    .flatMap(p -> masterClient.status(namespace, p));
            return last;
        }
    }
}
