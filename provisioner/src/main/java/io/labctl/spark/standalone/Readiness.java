package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.Pod;
import io.labctl.kube.PodDiagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a cluster is ready, computed from its pods and (in {@link WaitMode#SPARK}) the master's
 * status, with a one-line progress summary and, when not ready, what is missing in plain words.
 * The master's status is only worth reading once every pod is Ready (the count cannot match before), so a missing
 * status while pods are not ready is not blamed on the master.
 *
 * @param aliveWorkers ALIVE workers reported by the master; null when not read or not answering
 */
public record Readiness(boolean ready, int masterReady, int workersReady, int workerPods, int expectedWorkers,
                        Integer aliveWorkers, String summary, String missing) {

    /** How many not-ready pods are named in the explanation; more would drown the message. */
    private static final int MAX_PODS_EXPLAINED = 3;

    public static Readiness evaluate(List<Pod> pods, Optional<MasterStatus> master, int expectedWorkers,
                                     WaitMode mode) {
        List<Pod> live = pods.stream().filter(p -> !PodDiagnosis.isTerminating(p)).toList();
        List<Pod> masters = byComponent(live, SparkLabels.MASTER);
        List<Pod> workers = byComponent(live, SparkLabels.WORKER);
        int masterReady = (int) masters.stream().filter(PodDiagnosis::isReady).count();
        int workersReady = (int) workers.stream().filter(PodDiagnosis::isReady).count();
        Integer alive = master.map(MasterStatus::aliveWorkerCount).orElse(null);

        boolean podsReady = masters.size() == 1 && masterReady == 1
                && workers.size() == expectedWorkers && workersReady == expectedWorkers;
        boolean sparkReady = mode != WaitMode.spark
                || (master.map(MasterStatus::isAlive).orElse(false) && alive != null && alive == expectedWorkers);
        boolean ready = podsReady && sparkReady;

        String summary = "master " + masterReady + "/1 ready, worker pods " + workersReady + "/" + expectedWorkers
                + " ready" + (mode == WaitMode.spark
                ? ", workers ALIVE in Spark " + (alive == null ? "?" : alive) + "/" + expectedWorkers : "");
        String missing = ready ? "" : explain(masters, workers, expectedWorkers, master, alive, mode, podsReady);
        return new Readiness(ready, masterReady, workersReady, workers.size(), expectedWorkers, alive, summary, missing);
    }

    private static String explain(List<Pod> masters, List<Pod> workers, int expectedWorkers,
                                  Optional<MasterStatus> master, Integer alive, WaitMode mode, boolean podsReady) {
        List<String> parts = new ArrayList<>();
        if (mode == WaitMode.spark) {
            if (master.isEmpty()) {
                if (podsReady) {
                    parts.add("the Spark master's status page did not answer");
                }
            } else if (!master.get().isAlive()) {
                parts.add("the Spark master is " + master.get().status() + ", not ALIVE");
            } else if (alive != expectedWorkers) {
                parts.add(alive + " of " + expectedWorkers + " workers registered");
            }
        }
        if (masters.isEmpty()) {
            parts.add("no master pod exists");
        }
        masters.stream().filter(p -> !PodDiagnosis.isReady(p))
                .forEach(p -> parts.add("pod " + p.getMetadata().getName() + " " + PodDiagnosis.explain(p)));
        if (workers.size() != expectedWorkers) {
            parts.add(workers.size() + " worker pods exist, " + expectedWorkers + " wanted");
        }
        List<Pod> notReady = workers.stream().filter(p -> !PodDiagnosis.isReady(p)).toList();
        notReady.stream().limit(MAX_PODS_EXPLAINED)
                .forEach(p -> parts.add("pod " + p.getMetadata().getName() + " " + PodDiagnosis.explain(p)));
        if (notReady.size() > MAX_PODS_EXPLAINED) {
            parts.add("and " + (notReady.size() - MAX_PODS_EXPLAINED) + " more worker pods not ready");
        }
        if (parts.isEmpty() && !podsReady) {
            parts.add("pods are not ready yet");
        }
        return String.join("; ", parts);
    }

    private static List<Pod> byComponent(List<Pod> pods, String component) {
        return pods.stream()
                .filter(p -> p.getMetadata().getLabels() != null
                        && component.equals(p.getMetadata().getLabels().get(SparkLabels.COMPONENT)))
                .toList();
    }
}
