package io.labctl.grading;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.labctl.spark.standalone.MasterStatus;
import io.labctl.grading.live.LiveCluster;
import io.labctl.grading.live.SparkClusterView;

import java.time.Duration;
import java.time.Instant;

/** Waits on a Spark master's own count of ALIVE workers (test helper; the master's JSON is the truth). */
final class SparkAwait {
    private SparkAwait() {
    }

    static void alive(KubernetesClient client, String namespace, String cluster, int alive) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        int seen = -1;
        while (Instant.now().isBefore(deadline)) {
            try {
                // A fresh view each time (views memoize), finding the master through C-master's own selector:
                // clusters built from a student's YAML carry none of labctl's labels.
                seen = new SparkClusterView(new LiveCluster(client, null), namespace, cluster).masterStatus()
                        .map(MasterStatus::aliveWorkerCount).orElse(-1);
            } catch (RuntimeException e) {
                seen = -1; // the master pod may be starting
            }
            if (seen == alive) {
                return;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError(namespace + "/" + cluster + " did not reach " + alive + " ALIVE workers (last seen "
                + seen + ")");
    }
}
