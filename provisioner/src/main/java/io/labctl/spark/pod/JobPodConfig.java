package io.labctl.spark.pod;

import io.fabric8.kubernetes.api.model.Volume;

import java.util.List;
import java.util.Map;

/**
 * Everything needed to build the pod that runs {@code spark-submit} in client mode inside the
 * cluster, next to the Spark master: the driver then lives in a pod, reachable by the executors.
 *
 * @param application    path of the application inside the pod (in the image, or in {@link #UPLOAD_DIR})
 * @param uploaded       true when labctl copies the application from the host into the pod before start
 * @param serviceAccount the pod's ServiceAccount, or null for the namespace's default
 * @param mounts         volumes mounted into the container, in order
 */
public record JobPodConfig(String podName, String namespace, Map<String, String> labels, String image,
                           String masterUrl, String appName, String mainClass, String application,
                           List<String> appArgs, Map<String, String> conf, int driverMemoryMib, boolean uploaded,
                           String serviceAccount, List<Mount> mounts) {

    /** Where uploaded applications land in the pod (an emptyDir). */
    public static final String UPLOAD_DIR = "/opt/labctl/app";
    /** Written after the upload finishes; the submit command waits for it. */
    public static final String UPLOAD_DONE_MARKER = UPLOAD_DIR + "/.uploaded";
    public static final String CONTAINER = "spark-submit";

    public JobPodConfig {
        labels = Map.copyOf(labels);
        appArgs = List.copyOf(appArgs);
        conf = Map.copyOf(conf);
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
    }

    /** A job pod of the namespace's default ServiceAccount, mounting no ConfigMap. */
    public JobPodConfig(String podName, String namespace, Map<String, String> labels, String image, String masterUrl,
                        String appName, String mainClass, String application, List<String> appArgs,
                        Map<String, String> conf, int driverMemoryMib, boolean uploaded) {
        this(podName, namespace, labels, image, masterUrl, appName, mainClass, application, appArgs, conf,
                driverMemoryMib, uploaded, null, List.of());
    }

    /** A volume and where the container sees it. */
    public record Mount(Volume volume, String path, boolean readOnly) {
    }
}
