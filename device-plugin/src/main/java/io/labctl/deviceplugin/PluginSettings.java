package io.labctl.deviceplugin;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the plugin advertises and where. From the environment the DaemonSet sets:
 * LABCTL_RESOURCE_NAME (default labctl.io/vgpu), LABCTL_DEVICE_COUNT (default 4),
 * DEVICE_PLUGIN_DIR (default /var/lib/kubelet/device-plugins, the kubelet's socket directory).
 *
 * @param resourceName the extended resource, {@code vendor-domain/name}; pods request it in their limits
 * @param deviceCount  how many virtual devices this node offers
 * @param pluginDir    the directory holding kubelet.sock, where the plugin's own socket goes too
 */
public record PluginSettings(String resourceName, int deviceCount, Path pluginDir) {
    public static final String DEFAULT_RESOURCE = "labctl.io/vgpu";
    public static final Path DEFAULT_DIR = Path.of("/var/lib/kubelet/device-plugins");
    /** Allocate sets this variable to the comma-separated ids of the devices a container got. */
    public static final String VISIBLE_DEVICES_ENV = "LABCTL_VISIBLE_DEVICES";
    /** ... and this one to the resource name, so a discovery script knows what it was given. */
    public static final String RESOURCE_ENV = "LABCTL_DEVICE_RESOURCE";
    public static final int MAX_DEVICES = 64;

    public PluginSettings {
        if (resourceName == null || !resourceName.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?\\.[a-z]{2,}/[a-zA-Z0-9]([-_.a-zA-Z0-9]*[a-zA-Z0-9])?")) {
            throw new IllegalArgumentException("resource name '" + resourceName + "' must look like vendor-domain/name,"
                    + " e.g. labctl.io/vgpu (kubernetes.io/ and the unprefixed names are reserved)");
        }
        if (resourceName.endsWith(".kubernetes.io") || resourceName.startsWith("kubernetes.io/")) {
            throw new IllegalArgumentException("resource name '" + resourceName + "' uses a domain reserved by Kubernetes");
        }
        if (deviceCount < 1 || deviceCount > MAX_DEVICES) {
            throw new IllegalArgumentException("device count " + deviceCount + " is out of range (1.." + MAX_DEVICES + ")");
        }
    }

    public static PluginSettings fromEnvironment(Map<String, String> env) {
        String count = env.getOrDefault("LABCTL_DEVICE_COUNT", "4");
        int devices;
        try {
            devices = Integer.parseInt(count.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("LABCTL_DEVICE_COUNT='" + count + "' is not a number");
        }
        String dir = env.get("DEVICE_PLUGIN_DIR");
        return new PluginSettings(env.getOrDefault("LABCTL_RESOURCE_NAME", DEFAULT_RESOURCE), devices,
                dir == null || dir.isBlank() ? DEFAULT_DIR : Path.of(dir));
    }

    /** The last part of the resource name ("vgpu"): device ids and the socket file are named after it. */
    public String shortName() {
        return resourceName.substring(resourceName.indexOf('/') + 1);
    }

    /** Our socket's file name in the plugin directory; the kubelet dials it back by this name. */
    public String socketName() {
        return "labctl-" + resourceName.replace('/', '_') + ".sock";
    }

    public Path kubeletSocket() {
        return pluginDir.resolve("kubelet.sock");
    }

    public Path socket() {
        return pluginDir.resolve(socketName());
    }
}
