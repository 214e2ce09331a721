package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.labctl.core.Progress;
import io.labctl.kube.Await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Waits until a cluster is ready. Pod state comes from a watch (an informer), so labctl reacts to
 * every change without polling the API server (through {@link Await}); the Spark master has no watch API, so its status is
 * read every {@link #MASTER_POLL} once the master pod is Ready.
 */
public final class ClusterWaiter {
    static final Duration MASTER_POLL = Duration.ofSeconds(2);

    private final KubernetesClient client;
    private final SparkMasterClient masterClient;
    private final Progress progress;

    public ClusterWaiter(KubernetesClient client, Progress progress) {
        this.client = client;
        this.masterClient = new SparkMasterClient(client);
        this.progress = progress;
    }

    /** Returns the final readiness; throws TIMEOUT with what is missing when {@code timeout} passes. */
    public Readiness await(String namespace, String clusterName, int expectedWorkers, WaitMode mode, Duration timeout) {
        if (mode == WaitMode.none) {
            throw new IllegalArgumentException("nothing to wait for in mode NONE");
        }
        return Await.on(client, client.pods().inNamespace(namespace).withLabels(SparkLabels.cluster(clusterName)),
                        "the pods of " + clusterName)
                .recheckEvery(MASTER_POLL) // the master's count changes without a pod event
                .reportingTo(progress)
                .hint("the objects exist; inspect them with `labctl spark status " + clusterName + " -n " + namespace
                        + "`, wait longer with --timeout, or remove them with `labctl spark teardown " + clusterName
                        + " -n " + namespace + "`")
                .until(timeout, pods -> {
                    Optional<MasterStatus> master = mode == WaitMode.spark ? readMaster(namespace, pods) : Optional.empty();
                    Readiness readiness = Readiness.evaluate(pods, master, expectedWorkers, mode);
                    return readiness.ready() ? Await.Verdict.done(readiness, readiness.summary())
                            : Await.Verdict.notYet(readiness.summary(), readiness.missing());
                });
    }

    private Optional<MasterStatus> readMaster(String namespace, List<Pod> pods) {
        return pods.stream()
                .filter(p -> SparkLabels.MASTER.equals(p.getMetadata().getLabels().get(SparkLabels.COMPONENT)))
                .filter(io.labctl.kube.PodDiagnosis::isReady)
                .filter(p -> !io.labctl.kube.PodDiagnosis.isTerminating(p))
                .findFirst()
                .flatMap(p -> masterClient.status(namespace, p));
    }
}
