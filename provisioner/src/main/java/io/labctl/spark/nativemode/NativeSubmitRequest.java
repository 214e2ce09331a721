package io.labctl.spark.nativemode;

import io.labctl.core.LabctlException;
import io.labctl.kube.Tolerations;
import io.labctl.spark.standalone.SparkImages;
import io.labctl.spark.standalone.SparkMemory;

import java.util.List;
import java.util.Map;

/**
 * A native-mode application: the driver and the executors run as pods that Spark's own Kubernetes submission
 * client creates. The application must be inside the image ({@code local:///...}).
 *
 * @param executorTolerations taints the executors tolerate ({@code KEY[=VALUE]:EFFECT}, like every labctl
 *                            toleration), e.g. to reach tainted GPU nodes; passed to Spark as an executor pod template
 * @param quota               optional ResourceQuota on limits for the namespace ({@code cpu}, {@code memory}); empty = none
 */
public record NativeSubmitRequest(String namespace, String name, String mainClass, String application, List<String> args,
                                  int executors, String executorCores, String executorMemory, String driverMemory,
                                  DeviceRequest devices, List<String> executorTolerations, Map<String, String> conf,
                                  String image, Map<String, String> quota) {
    public static final int MAX_EXECUTORS = 20;
    static final String EXECUTOR_TOLERATION_OPTION = "--executor-toleration";

    public NativeSubmitRequest {
        args = List.copyOf(args);
        executorTolerations = List.copyOf(executorTolerations);
        conf = Map.copyOf(conf);
        quota = Map.copyOf(quota);
    }

    public NativeSubmitRequest validate() {
        if (name == null || !name.matches("[a-z]([-a-z0-9]{0,38}[a-z0-9])?")) {
            throw LabctlException.usage("application name '" + name + "' is invalid",
                    "use lowercase letters, digits and '-', starting with a letter (it names the driver pod), e.g. spark-pi");
        }
        if (application == null || !application.startsWith("local:///")) {
            throw LabctlException.usage("native mode runs files that are inside the image: '" + application + "' is not local:///...",
                    "e.g. local:///opt/spark/examples/jars/spark-examples.jar; for a file on your machine use `labctl spark run`");
        }
        boolean python = application.endsWith(".py");
        if (python && mainClass != null) {
            throw LabctlException.usage("--class is for jar applications, not Python", "drop --class");
        }
        if (!python && (mainClass == null || mainClass.isBlank())) {
            throw LabctlException.usage("a jar application needs --class", "e.g. --class org.apache.spark.examples.JavaSparkPi");
        }
        if (executors < 1 || executors > MAX_EXECUTORS) {
            throw LabctlException.usage("--executors " + executors + " is out of range (1.." + MAX_EXECUTORS + ")", "e.g. --executors 2");
        }
        for (String key : conf.keySet()) {
            if (!key.startsWith("spark.")) {
                throw LabctlException.usage("--conf " + key + " is not a Spark setting", "Spark settings start with spark., e.g. --conf spark.eventLog.enabled=true");
            }
        }
        if (executorMemory != null) {
            SparkMemory.forSpark("--executor-memory", executorMemory);
        }
        if (driverMemory != null) {
            SparkMemory.forSpark("--driver-memory", driverMemory);
        }
        executorTolerations.forEach(t -> Tolerations.parse(EXECUTOR_TOLERATION_OPTION, t));
        for (String key : quota.keySet()) {
            if (!key.equals("cpu") && !key.equals("memory")) {
                throw LabctlException.usage("--quota " + key + " is not supported", "use --quota cpu=4,memory=8Gi");
            }
        }
        SparkImages.requirePinned("--image", image);
        return this;
    }

    public String driverPod() {
        return name + "-driver";
    }

    public String submissionId() {
        return namespace + ":" + driverPod();
    }
}
