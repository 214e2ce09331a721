package io.labctl.spark.standalone;

import io.labctl.core.LabctlException;
import io.labctl.kube.Tolerations;

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
 * @param volumes          {@code --volume} values ({@link VolumeSpec}), mounted into master and workers
 */
public record SparkClusterSpec(String name, String namespace, int workers, int workerCores, String workerMemory,
                               String workerCpuRequest, String masterImage, String workerImage, Expose expose,
                               Integer nodePort, Map<String, String> nodeSelector, List<String> tolerations,
                               List<String> volumes) {

    /** Issue 17's scale target: 1000 workers deploy and tear down (measured on fake nodes in bench/RESULTS.md). */
    public static final int MAX_WORKERS = 1000;
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
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
    }

    /** The volumes, parsed; {@link #validate()} has checked that they parse. */
    public List<VolumeSpec> volumeSpecs() {
        return volumes.stream().map(VolumeSpec::parse).toList();
    }

    /** A spec with labctl's defaults: 2 workers of 1 core and 1g, the labctl images, a NodePort. */
    public static SparkClusterSpec defaults(String name, String namespace) {
        return builder(name, namespace).build();
    }

    /** Starts from labctl's defaults; set only what differs. */
    public static Builder builder(String name, String namespace) {
        return new Builder(name, namespace);
    }

    /** A builder holding this spec's values, to derive another spec from it. */
    public Builder toBuilder() {
        return new Builder(name, namespace).workers(workers).workerCores(workerCores).workerMemory(workerMemory)
                .workerCpuRequest(workerCpuRequest).masterImage(masterImage).workerImage(workerImage).expose(expose)
                .nodePort(nodePort).nodeSelector(nodeSelector).tolerations(tolerations).volumes(volumes);
    }

    public SparkClusterSpec withWorkers(int count) {
        return toBuilder().workers(count).build();
    }

    public SparkClusterSpec withNamespace(String ns) {
        return toBuilder().namespace(ns).build();
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
            if (expose != Expose.nodeport) {
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
        tolerations.forEach(t -> Tolerations.parse("--toleration", t));
        requireDistinct(volumeSpecs());
        return this;
    }

    /** Two volumes of one name, or at one mount path, would make the Deployment invalid. */
    private static void requireDistinct(List<VolumeSpec> volumes) {
        java.util.Set<String> names = new java.util.HashSet<>();
        java.util.Set<String> mounts = new java.util.HashSet<>();
        for (VolumeSpec volume : volumes) {
            if (!names.add(volume.name())) {
                throw LabctlException.usage(VolumeSpec.OPTION + " " + volume.name() + " is given twice", "name each volume once");
            }
            if (!mounts.add(volume.mount())) {
                throw LabctlException.usage(VolumeSpec.OPTION + " " + volume.name() + " mounts at " + volume.mount()
                        + ", where another volume is mounted", "give it its own :MOUNT path");
            }
        }
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

    /** Builds a spec; every value starts at labctl's default. Validation happens in {@link #validate()}. */
    public static final class Builder {
        private String name;
        private String namespace;
        private int workers = 2;
        private int workerCores = 1;
        private String workerMemory = "1g";
        private String workerCpuRequest = DEFAULT_CPU_REQUEST;
        private String masterImage = SparkImages.MASTER;
        private String workerImage = SparkImages.WORKER;
        private Expose expose = Expose.nodeport;
        private Integer nodePort;
        private Map<String, String> nodeSelector = Map.of();
        private List<String> tolerations = List.of();
        private List<String> volumes = List.of();

        private Builder(String name, String namespace) {
            this.name = name;
            this.namespace = namespace;
        }

        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        public Builder workers(int workers) {
            this.workers = workers;
            return this;
        }

        public Builder workerCores(int workerCores) {
            this.workerCores = workerCores;
            return this;
        }

        public Builder workerMemory(String workerMemory) {
            this.workerMemory = workerMemory;
            return this;
        }

        public Builder workerCpuRequest(String workerCpuRequest) {
            this.workerCpuRequest = workerCpuRequest;
            return this;
        }

        public Builder masterImage(String masterImage) {
            this.masterImage = masterImage;
            return this;
        }

        public Builder workerImage(String workerImage) {
            this.workerImage = workerImage;
            return this;
        }

        public Builder expose(Expose expose) {
            this.expose = expose;
            return this;
        }

        public Builder nodePort(Integer nodePort) {
            this.nodePort = nodePort;
            return this;
        }

        public Builder nodeSelector(Map<String, String> nodeSelector) {
            this.nodeSelector = nodeSelector;
            return this;
        }

        public Builder tolerations(List<String> tolerations) {
            this.tolerations = tolerations;
            return this;
        }

        public Builder volumes(List<String> volumes) {
            this.volumes = volumes;
            return this;
        }

        public SparkClusterSpec build() {
            return new SparkClusterSpec(name, namespace, workers, workerCores, workerMemory, workerCpuRequest, masterImage,
                    workerImage, expose, nodePort, nodeSelector, tolerations, volumes);
        }
    }
}
