package io.labctl.spark.standalone;

import io.labctl.spark.pod.JobPodConfig;

import java.util.List;
import java.util.Map;

/**
 * What a driver pod next to a cluster needs from the cluster's recorded spec, for drivers other than
 * {@code spark run}'s (an interactive {@code spark shell}): the master's in-cluster URL, an executor size that fits a
 * worker, and the cluster's volumes where the workers see them.
 */
public final class DriverPods {
    /** Spark's default executor memory; a smaller worker could never start one and the app would wait forever. */
    static final int DEFAULT_EXECUTOR_MIB = 1024;

    private DriverPods() {
    }

    /** spark://NAME-master-svc.NS.svc:7077 */
    public static String masterUrl(String namespace, String cluster) {
        return "spark://" + SparkLabels.masterService(cluster) + "." + namespace + ".svc:" + SparkPorts.SPARK_RPC_PORT;
    }

    /** {@code spark.executor.memory} no larger than a worker offers. */
    public static Map<String, String> executorConf(SparkClusterSpec spec) {
        int workerMib = SparkMemory.parseMib("--worker-memory", spec.workerMemory());
        return Map.of("spark.executor.memory", Math.min(DEFAULT_EXECUTOR_MIB, workerMib) + "m");
    }

    /** The cluster's volumes, mounted where the workers have them (a driver lists input files itself). */
    public static List<JobPodConfig.Mount> clusterVolumes(SparkClusterSpec spec) {
        return spec.volumeSpecs().stream().map(v -> new JobPodConfig.Mount(VolumesStep.podVolume(spec, v), v.mount(),
                v.type() == VolumeSpec.Type.configMap)).toList();
    }
}
