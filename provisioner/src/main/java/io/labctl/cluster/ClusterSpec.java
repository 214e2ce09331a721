package io.labctl.cluster;

import io.labctl.core.LabctlException;

import java.nio.file.Path;
import java.util.Map;

/**
 * A requested lab cluster: one master and {@code workers} worker nodes, each with {@code cpus} and
 * {@code memoryMiB}. For the existing provider only the name, kubeconfig and context matter.
 *
 * @param provider the provider's name ({@link ClusterProvider#name()})
 * @param options  values of the provider's own options ({@link ClusterProvider#options()}), by option name
 */
public record ClusterSpec(String name, String provider, int workers, int cpus, int memoryMiB,
                          Path kubeconfig, String context, Map<String, String> options) {
    public static final int MAX_WORKERS = 9;
    /** The name becomes part of container, VM, context and host names; short keeps them all valid. */
    private static final String NAME_PATTERN = "[a-z]([a-z0-9-]{0,18}[a-z0-9])?";

    public ClusterSpec {
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /** Throws a usage error for the first invalid value; nothing has been created at this point. */
    public ClusterSpec validate() {
        requireName(name);
        if (workers < 0 || workers > MAX_WORKERS) {
            throw LabctlException.usage("--workers " + workers + " is out of range (0.." + MAX_WORKERS + ")",
                    "a lab cluster has one master and up to " + MAX_WORKERS + " workers, e.g. --workers 2");
        }
        if (cpus < 1 || cpus > 64) {
            throw LabctlException.usage("--cpus " + cpus + " is out of range (1..64 per node)", "e.g. --cpus 2");
        }
        if (memoryMiB < 1024 || memoryMiB > 262_144) {
            throw LabctlException.usage("--memory " + memoryMiB + "Mi is out of range (1Gi..256Gi per node)",
                    "e.g. --memory 2Gi; a Spark master plus a worker need about 2Gi");
        }
        return this;
    }

    public int nodes() {
        return 1 + workers;
    }

    public static void requireName(String name) {
        if (name == null || !name.matches(NAME_PATTERN)) {
            throw LabctlException.usage("cluster name '" + name + "' is invalid",
                    "use 1-20 lowercase letters, digits or '-', starting with a letter, e.g. lab1");
        }
    }
}
