package io.labctl.spark.standalone;

import io.labctl.core.LabctlException;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Everything that defines one Spark standalone cluster on Kubernetes. Built by the CLI from flags,
 * stored as JSON on the master Deployment (so {@code scale} can re-apply it), validated before
 * anything is written.
 *
 * @param workerCpuRequest CPU the scheduler reserves per worker; kept below {@code workerCores}
 *                         by default so three workers fit on a 2-CPU laptop, while the limit
 *                         equals what the worker offers to Spark
 * @param nodePort         fixed NodePort (30000-32767) or null for one chosen by Kubernetes
 * @param tolerations      "key[=value]:Effect" strings, for clusters with tainted nodes
 */
public record SparkClusterSpec(String name, String namespace, int workers, int workerCores, String workerMemory,
                               String workerCpuRequest, String masterImage, String workerImage, Expose expose,
                               Integer nodePort, Map<String, String> nodeSelector, List<String> tolerations) {

    public static final int MAX_WORKERS = 500;
    public static final int MAX_WORKER_CORES = 64;
    /** So that "NAME-master-svc" stays within the 63 characters of a DNS label. */
    public static final int MAX_NAME_LENGTH = 40;
    public static final String DEFAULT_CPU_REQUEST = "250m";

    private static final Pattern DNS_1035_LABEL = Pattern.compile("^[a-z]([-a-z0-9]*[a-z0-9])?$");
    private static final Pattern DNS_1123_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
    private static final Pattern CPU_QUANTITY = Pattern.compile("^([1-9][0-9]*m|[0-9]+(\\.[0-9]{1,3})?)$");
    private static final Pattern LABEL_KEY = Pattern.compile("^([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$");

    public SparkClusterSpec {
        nodeSelector = nodeSelector == null ? Map.of() : Map.copyOf(nodeSelector);
        tolerations = tolerations == null ? List.of() : List.copyOf(tolerations);
    }

    /** A spec with labctl's defaults: 2 workers of 1 core and 1g, the labctl images, a NodePort. */
    public static SparkClusterSpec defaults(String name, String namespace) {
        return new SparkClusterSpec(name, namespace, 2, 1, "1g", DEFAULT_CPU_REQUEST, SparkImages.MASTER,
                SparkImages.WORKER, Expose.NODEPORT, null, Map.of(), List.of());
    }

    public SparkClusterSpec withWorkers(int count) {
        return new SparkClusterSpec(name, namespace, count, workerCores, workerMemory, workerCpuRequest, masterImage,
                workerImage, expose, nodePort, nodeSelector, tolerations);
    }

    public SparkClusterSpec withNamespace(String ns) {
        return new SparkClusterSpec(name, ns, workers, workerCores, workerMemory, workerCpuRequest, masterImage,
                workerImage, expose, nodePort, nodeSelector, tolerations);
    }

    /** Throws a usage error (one line, with the fix) for the first invalid value; returns this otherwise. */
    public SparkClusterSpec validate() {
        requireClusterName(name);
        requireNamespace(namespace);
        requireWorkerCount(workers);
        if (workerCores < 1 || workerCores > MAX_WORKER_CORES) {
            throw LabctlException.usage("--worker-cores " + workerCores + " is out of range",
                    "use 1 to " + MAX_WORKER_CORES);
        }
        SparkMemory.parseMib("--worker-memory", workerMemory);
        if (workerCpuRequest == null || !CPU_QUANTITY.matcher(workerCpuRequest).matches()) {
            throw LabctlException.usage("--worker-cpu-request '" + workerCpuRequest + "' is not a CPU quantity",
                    "use millicores like 250m or cores like 1");
        }
        if (cpuMillis(workerCpuRequest) > workerCores * 1000L) {
            throw LabctlException.usage("--worker-cpu-request " + workerCpuRequest + " is more than --worker-cores "
                    + workerCores, "a request above the limit is refused by Kubernetes; lower the request");
        }
        SparkImages.requirePinned("--master-image", masterImage);
        SparkImages.requirePinned("--worker-image", workerImage);
        if (expose == null) {
            throw LabctlException.usage("--expose is missing", "use nodeport or none");
        }
        if (nodePort != null) {
            if (expose != Expose.NODEPORT) {
                throw LabctlException.usage("--node-port needs --expose nodeport", "drop --node-port or use --expose nodeport");
            }
            if (nodePort < SparkPorts.NODE_PORT_MIN || nodePort > SparkPorts.NODE_PORT_MAX) {
                throw LabctlException.usage("--node-port " + nodePort + " is outside the NodePort range",
                        "use " + SparkPorts.NODE_PORT_MIN + "-" + SparkPorts.NODE_PORT_MAX + " or leave it out");
            }
        }
        nodeSelector.forEach((k, v) -> {
            if (!LABEL_KEY.matcher(k).matches()) {
                throw LabctlException.usage("--node-selector key '" + k + "' is not a valid label key",
                        "use KEY=VALUE, e.g. --node-selector type=kwok");
            }
        });
        tolerations.forEach(Tolerations::parse);
        return this;
    }

    public static void requireClusterName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH || !DNS_1035_LABEL.matcher(name).matches()) {
            throw LabctlException.usage("cluster name '" + name + "' is not valid",
                    "use 1-" + MAX_NAME_LENGTH + " lowercase letters, digits or '-', starting with a letter (e.g. spark-a)");
        }
    }

    public static void requireNamespace(String namespace) {
        if (namespace == null || namespace.isEmpty() || namespace.length() > 63
                || !DNS_1123_LABEL.matcher(namespace).matches()) {
            throw LabctlException.usage("namespace '" + namespace + "' is not valid",
                    "use 1-63 lowercase letters, digits or '-' (e.g. spark-lab)");
        }
    }

    public static void requireWorkerCount(int workers) {
        if (workers < 0 || workers > MAX_WORKERS) {
            throw LabctlException.usage("--workers " + workers + " is out of range", "use 0 to " + MAX_WORKERS);
        }
    }

    static long cpuMillis(String quantity) {
        if (quantity.endsWith("m")) {
            try {
                return Long.parseLong(quantity.substring(0, quantity.length() - 1));
            } catch (NumberFormatException overLong) {
                return Long.MAX_VALUE; // more than any node has: reported as out of range by the caller
            }
        }
        return Math.round(Double.parseDouble(quantity) * 1000);
    }
}
