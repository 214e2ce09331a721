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
        return defaults().toBuilder().expose(expose).nodePort(nodePort).build();
    }

    static SparkClusterSpec placed(Map<String, String> nodeSelector, List<String> tolerations) {
        return defaults().toBuilder().nodeSelector(nodeSelector).tolerations(tolerations).build();
    }

    static SparkClusterSpec sized(int workers, int cores, String memory) {
        return defaults().toBuilder().workers(workers).workerCores(cores).workerMemory(memory).build();
    }
}
