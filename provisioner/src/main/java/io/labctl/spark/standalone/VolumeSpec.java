package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.Quantity;
import io.labctl.core.LabctlException;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code --volume} of a Spark cluster, mounted into the master and every worker at the same path, so that data
 * written by one is read by all: {@code NAME=pvc:SIZE}, {@code NAME=hostPath:PATH} or {@code NAME=configMap:CONFIGMAP},
 * each optionally followed by {@code :MOUNT} (default {@code /data/NAME}).
 *
 * @param name   the volume's name in the pods; a PVC is named {@code CLUSTER-NAME}
 * @param type   where the data lives
 * @param source the PVC's size, the node's path, or the ConfigMap's name
 * @param mount  the absolute path inside the containers
 */
public record VolumeSpec(String name, Type type, String source, String mount) {
    public static final String OPTION = "--volume";
    public static final String DEFAULT_MOUNT_DIR = "/data/";
    private static final Pattern SYNTAX = Pattern.compile("([^=]+)=(pvc|hostPath|configMap):([^:]+)(?::(.*))?");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,30}[a-z0-9])?");
    /** Paths a volume must not hide: Spark's own files and the system's. */
    private static final String[] RESERVED_MOUNTS = {"/opt/spark", "/opt/hadoop", "/usr", "/bin", "/lib", "/etc", "/proc",
        "/sys", "/dev"};

    /** Where the data lives. */
    public enum Type {
        /** A PersistentVolumeClaim the cluster gets, from the default StorageClass (local-path on k3s and the test bed). */
        pvc,
        /** A directory on the node (only sensible on one-node clusters or for data every node has). */
        hostPath,
        /** An existing ConfigMap's keys as read-only files. */
        configMap
    }

    /** Parses one {@code --volume} value; a usage error with the syntax and an example otherwise. */
    public static VolumeSpec parse(String text) {
        Matcher m = text == null ? null : SYNTAX.matcher(text);
        if (m == null || !m.matches()) {
            throw usage("'" + text + "' is not NAME=pvc:SIZE, NAME=hostPath:PATH or NAME=configMap:NAME, each with an"
                    + " optional :MOUNT", "e.g. " + OPTION + " data=pvc:1Gi or " + OPTION + " data=pvc:1Gi:/opt/data");
        }
        String name = m.group(1);
        Type type = Type.valueOf(m.group(2));
        String source = m.group(3);
        String mount = m.group(4) == null || m.group(4).isEmpty() ? DEFAULT_MOUNT_DIR + name : m.group(4);
        if (!DNS_LABEL.matcher(name).matches()) {
            throw usage("volume name '" + name + "' is not valid", "use 1-32 lowercase letters, digits or '-', e.g. data");
        }
        switch (type) {
            case pvc -> requireSize(source);
            case hostPath -> requireAbsolute("the hostPath " + source, source);
            case configMap -> {
                if (!Pattern.matches("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?", source)) {
                    throw usage("ConfigMap name '" + source + "' is not valid", "use the name `kubectl get configmap` shows");
                }
            }
        }
        requireAbsolute("the mount path " + mount, mount);
        for (String reserved : RESERVED_MOUNTS) {
            if (mount.equals(reserved) || mount.startsWith(reserved + "/") || mount.equals("/")) {
                throw usage("mount path " + mount + " would hide " + (mount.equals("/") ? "the whole file system" : reserved),
                        "mount it elsewhere, e.g. " + DEFAULT_MOUNT_DIR + name);
            }
        }
        return new VolumeSpec(name, type, source, mount);
    }

    /** The PVC's name: the cluster's, so two clusters' volumes of the same name never meet. */
    public String claimName(String clusterName) {
        return clusterName + "-" + name;
    }

    private static void requireSize(String size) {
        try {
            BigDecimal bytes = Quantity.getAmountInBytes(new Quantity(size));
            if (bytes.signum() <= 0 || !size.matches("[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|k|M|G|T)?")) {
                throw new IllegalArgumentException(size);
            }
        } catch (IllegalArgumentException e) {
            throw usage("volume size '" + size + "' is not a Kubernetes quantity", "e.g. 1Gi or 500Mi");
        }
    }

    private static void requireAbsolute(String what, String path) {
        if (!path.startsWith("/") || path.contains("/../") || path.endsWith("/..")) {
            throw usage(what + " is not an absolute path", "e.g. /data/input");
        }
    }

    private static LabctlException usage(String message, String hint) {
        return LabctlException.usage(OPTION + " " + message, hint);
    }
}
