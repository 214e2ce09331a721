package io.labctl.deviceplugin;

/** Which device plugin `labctl device-plugin install` puts on the nodes. */
public enum DevicePluginType {
    /** labctl's own Java plugin: virtual devices under a resource of labctl's (or your) domain; no hardware. */
    virtual("virtual-daemonset.yaml", "labctl-device-plugin", "labctl/device-plugin:0.1.0"),
    /** NVIDIA's plugin for nodes with real GPUs: nvidia.com/gpu. Pinned version. */
    nvidia("nvidia-daemonset.yaml", "nvidia-device-plugin", "nvidia/k8s-device-plugin:v0.17.0");

    private final String manifest;
    private final String defaultName;
    private final String defaultImage;

    DevicePluginType(String manifest, String defaultName, String defaultImage) {
        this.manifest = manifest;
        this.defaultName = defaultName;
        this.defaultImage = defaultImage;
    }

    public String manifest() {
        return "device-plugin/" + manifest;
    }

    public String defaultName() {
        return defaultName;
    }

    public String defaultImage() {
        return defaultImage;
    }
}
