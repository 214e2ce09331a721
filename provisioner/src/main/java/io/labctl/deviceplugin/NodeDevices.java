package io.labctl.deviceplugin;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;

import java.util.Map;
import java.util.TreeMap;

/**
 * The extended resources one node advertises (anything with a domain: nvidia.com/gpu, labctl.io/vgpu), as
 * capacity (what plugins registered) and allocatable (what pods may still be given).
 */
public record NodeDevices(String node, Map<String, Long> capacity, Map<String, Long> allocatable) {
    public static NodeDevices of(Node node) {
        return new NodeDevices(node.getMetadata().getName(), extended(node.getStatus() == null ? null : node.getStatus().getCapacity()),
                extended(node.getStatus() == null ? null : node.getStatus().getAllocatable()));
    }

    public long capacityOf(String resource) {
        return capacity.getOrDefault(resource, 0L);
    }

    /** Only vendor resources: cpu, memory, pods and kubernetes.io names (hugepages-*, ephemeral-storage) are not devices. */
    static Map<String, Long> extended(Map<String, Quantity> resources) {
        Map<String, Long> devices = new TreeMap<>();
        if (resources == null) {
            return devices;
        }
        resources.forEach((name, quantity) -> {
            if (name.contains("/") && !name.contains("kubernetes.io/")) {
                devices.put(name, Quantity.getAmountInBytes(quantity).longValue());
            }
        });
        return devices;
    }
}
