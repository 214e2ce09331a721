package io.labctl.deviceplugin;

import io.labctl.core.LabctlException;
import io.labctl.spark.standalone.SparkImages;

/**
 * What to install. For {@code nvidia} the resource is always nvidia.com/gpu and the count is the hardware's.
 *
 * @param resourceName {@code vendor-domain/name} (virtual only)
 * @param count        virtual devices per node (virtual only)
 */
public record DevicePluginRequest(DevicePluginType type, String namespace, String resourceName, int count, String image) {
    public static final String DEFAULT_RESOURCE = "labctl.io/vgpu";
    public static final String NVIDIA_RESOURCE = "nvidia.com/gpu";
    public static final int MAX_COUNT = 64;

    /** Checks everything before any request to the cluster; names the option at fault. */
    public DevicePluginRequest validate() {
        if (type == DevicePluginType.virtual) {
            requireResourceName(resourceName);
            if (count < 1 || count > MAX_COUNT) {
                throw LabctlException.usage("--count " + count + " is out of range (1.." + MAX_COUNT + " devices per node)",
                        "e.g. --count 4");
            }
        }
        SparkImages.requirePinned("--image", image);
        return this;
    }

    public String resource() {
        return type == DevicePluginType.nvidia ? NVIDIA_RESOURCE : resourceName;
    }

    public String name() {
        return type.defaultName();
    }

    /** The kubelet accepts only {@code domain/name} with a DNS domain, and never the kubernetes.io domains. */
    public static void requireResourceName(String name) {
        if (name == null || !name.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?\\.[a-z]{2,}/[a-zA-Z0-9]([-_.a-zA-Z0-9]*[a-zA-Z0-9])?")) {
            throw LabctlException.usage("resource name '" + name + "' is not vendor-domain/name",
                    "use your own DNS domain, e.g. --resource labctl.io/vgpu or --resource example.edu/fpga");
        }
        String domain = name.substring(0, name.indexOf('/'));
        if (domain.equals("kubernetes.io") || domain.endsWith(".kubernetes.io") || domain.equals("k8s.io")
                || domain.endsWith(".k8s.io")) {
            throw LabctlException.usage("resource name '" + name + "' uses a domain Kubernetes reserves for itself",
                    "use your own DNS domain, e.g. labctl.io/vgpu");
        }
    }
}
