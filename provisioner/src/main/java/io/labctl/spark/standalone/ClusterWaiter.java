package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.labctl.kube.KubeErrors;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Waits until a cluster is ready. Pod state comes from a watch (an informer), so labctl reacts to
 * every change without polling the API server; the Spark master has no watch API, so its status is
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
        if (mode == WaitMode.NONE) {
            throw new IllegalArgumentException("nothing to wait for in mode NONE");
        }
        Semaphore changed = new Semaphore(0);
        long deadline = System.nanoTime() + timeout.toNanos();
        SharedIndexInformer<Pod> informer;
        try {
            informer = client.pods().inNamespace(namespace).withLabels(SparkLabels.cluster(clusterName))
                    .inform(new SignalOnChange(changed));
        } catch (RuntimeException e) {
            throw KubeErrors.translate(e, client.getMasterUrl().toString(), "watch the pods of " + clusterName);
        }
        try {
            Readiness last = null;
            while (true) {
                List<Pod> pods = informer.getStore().list();
                Optional<MasterStatus> master = mode == WaitMode.SPARK ? readMaster(namespace, pods) : Optional.empty();
                Readiness readiness = Readiness.evaluate(pods, master, expectedWorkers, mode);
                if (last == null || !readiness.summary().equals(last.summary())) {
                    progress.update(readiness.summary());
                }
                last = readiness;
                if (readiness.ready()) {
                    return readiness;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new LabctlException(ExitCode.TIMEOUT, "timed out after " + format(timeout) + ": "
                            + readiness.missing(), "the objects exist; inspect them with `labctl spark status "
                            + clusterName + " -n " + namespace + "`, wait longer with --timeout, or remove them with"
                            + " `labctl spark teardown " + clusterName + " -n " + namespace + "`");
                }
                // Wake on the next pod event, or after the master poll interval while Spark may change.
                long waitNanos = Math.min(remaining, MASTER_POLL.toNanos());
                changed.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
                changed.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabctlException(ExitCode.INTERRUPTED, "interrupted while waiting for " + clusterName,
                    "the objects exist; see `labctl spark status " + clusterName + "`");
        } finally {
            informer.close();
        }
    }

    private Optional<MasterStatus> readMaster(String namespace, List<Pod> pods) {
        return pods.stream()
                .filter(p -> SparkLabels.MASTER.equals(p.getMetadata().getLabels().get(SparkLabels.COMPONENT)))
                .filter(io.labctl.kube.PodDiagnosis::isReady)
                .filter(p -> !io.labctl.kube.PodDiagnosis.isTerminating(p))
                .findFirst()
                .flatMap(p -> masterClient.status(namespace, p));
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 && s >= 60 ? (s / 60) + "m" : s + "s";
    }

    private static final class SignalOnChange implements ResourceEventHandler<Pod> {
        private final Semaphore changed;

        SignalOnChange(Semaphore changed) {
            this.changed = changed;
        }

        @Override
        public void onAdd(Pod pod) {
            changed.release();
        }

        @Override
        public void onUpdate(Pod oldPod, Pod newPod) {
            changed.release();
        }

        @Override
        public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
            changed.release();
        }
    }
}
