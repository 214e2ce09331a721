package io.labctl.spark.standalone;

import java.util.List;
import java.util.Map;

/** Test-config factory: a valid spec with defaults, and small variations by name. */
final class TestSpecs {
    private TestSpecs() {
    }

    static SparkClusterSpec defaults() {
        return SparkClusterSpec.defaults("spark-a", "lab");
    }

    static SparkClusterSpec named(String name) {
        return SparkClusterSpec.defaults(name, "lab");
    }

    static SparkClusterSpec exposed(Expose expose, Integer nodePort) {
        SparkClusterSpec d = defaults();
        return new SparkClusterSpec(d.name(), d.namespace(), d.workers(), d.workerCores(), d.workerMemory(),
                d.workerCpuRequest(), d.masterImage(), d.workerImage(), expose, nodePort, d.nodeSelector(), d.tolerations());
    }

    static SparkClusterSpec placed(Map<String, String> nodeSelector, List<String> tolerations) {
        SparkClusterSpec d = defaults();
        return new SparkClusterSpec(d.name(), d.namespace(), d.workers(), d.workerCores(), d.workerMemory(),
                d.workerCpuRequest(), d.masterImage(), d.workerImage(), d.expose(), d.nodePort(), nodeSelector, tolerations);
    }

    static SparkClusterSpec sized(int workers, int cores, String memory) {
        SparkClusterSpec d = defaults();
        return new SparkClusterSpec(d.name(), d.namespace(), workers, cores, memory, d.workerCpuRequest(),
                d.masterImage(), d.workerImage(), d.expose(), d.nodePort(), d.nodeSelector(), d.tolerations());
    }
}
