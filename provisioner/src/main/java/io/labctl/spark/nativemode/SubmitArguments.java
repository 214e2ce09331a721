package io.labctl.spark.nativemode;

import io.labctl.kube.Labels;
import io.labctl.spark.standalone.SparkMemory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spark-submit command line for a native-mode application: Spark's own Kubernetes submission client
 * ({@code --master k8s://... --deploy-mode cluster}) creates the driver pod, and the driver its executors.
 */
public final class SubmitArguments {
    public static final String SERVICE_ACCOUNT = "labctl-spark";
    public static final String DISCOVERY_SCRIPT = "/opt/spark/bin/discover-devices.sh";
    /** Lab machines have two or four cores: Spark's default request of one core per pod would fit one executor. */
    static final String DEFAULT_REQUEST_CORES = "250m";

    private SubmitArguments() {
    }

    /**
     * @param master       k8s://https://... as seen by whoever runs spark-submit
     * @param templateFile where the executor pod template is, for spark-submit, or null
     * @param withQuota    the namespace has a ResourceQuota on limits, so every pod needs CPU limits
     */
    public static List<String> sparkSubmit(NativeSubmitRequest r, String master, String templateFile, boolean withQuota) {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("spark.kubernetes.namespace", r.namespace());
        conf.put("spark.kubernetes.container.image", r.image());
        conf.put("spark.kubernetes.container.image.pullPolicy", "IfNotPresent");
        conf.put("spark.kubernetes.authenticate.driver.serviceAccountName", SERVICE_ACCOUNT);
        conf.put("spark.kubernetes.driver.pod.name", r.driverPod());
        conf.put("spark.kubernetes.executor.podNamePrefix", r.name());
        conf.put("spark.kubernetes.driver.label." + Labels.MANAGED_BY, Labels.MANAGER);
        conf.put("spark.executor.instances", String.valueOf(r.executors()));
        putIfSet(conf, "spark.executor.cores", r.executorCores());
        // Spark reads neither 1Gi nor 1G; validate() accepted them, in Spark's form here.
        if (r.executorMemory() != null) {
            conf.put("spark.executor.memory", SparkMemory.forSpark("--executor-memory", r.executorMemory()));
        }
        if (r.driverMemory() != null) {
            conf.put("spark.driver.memory", SparkMemory.forSpark("--driver-memory", r.driverMemory()));
        }
        conf.put("spark.kubernetes.driver.request.cores", DEFAULT_REQUEST_CORES);
        conf.put("spark.kubernetes.executor.request.cores", DEFAULT_REQUEST_CORES);
        if (withQuota) {
            // A quota on limits rejects pods without limits; Spark sets memory limits itself, CPU only when told.
            conf.put("spark.kubernetes.driver.limit.cores", "1");
            conf.put("spark.kubernetes.executor.limit.cores", r.executorCores() == null ? "1" : r.executorCores());
        }
        // labctl follows the driver itself (and can be interrupted without touching the application).
        conf.put("spark.kubernetes.submission.waitAppCompletion", "false");
        conf.put("spark.kubernetes.appKillPodDeletionGracePeriod", "5");
        if (r.devices() != null) {
            String prefix = "spark.executor.resource." + r.devices().name() + ".";
            conf.put(prefix + "amount", String.valueOf(r.devices().amount()));
            conf.put(prefix + "vendor", r.devices().domain());
            conf.put(prefix + "discoveryScript", DISCOVERY_SCRIPT);
        }
        if (templateFile != null) {
            conf.put("spark.kubernetes.executor.podTemplateFile", templateFile);
        }
        conf.putAll(r.conf()); // the student's own settings win

        List<String> args = new ArrayList<>(List.of("spark-submit", "--master", master, "--deploy-mode", "cluster",
                "--name", r.name()));
        if (r.mainClass() != null) {
            args.add("--class");
            args.add(r.mainClass());
        }
        conf.forEach((key, value) -> {
            args.add("--conf");
            args.add(key + "=" + value);
        });
        args.add(r.application());
        args.addAll(r.args());
        return args;
    }

    private static void putIfSet(Map<String, String> conf, String key, String value) {
        if (value != null) {
            conf.put(key, value);
        }
    }
}
