package io.labctl.cli.deviceplugin;

import io.labctl.cli.Cli;
import io.labctl.deviceplugin.DevicePluginRequest;
import io.labctl.deviceplugin.DevicePluginType;
import io.labctl.core.LabctlException;
import picocli.CommandLine.Option;

/** The options that say which plugin: shared by install and uninstall. */
public final class PluginOptions {
    static final String DEFAULT_NAMESPACE = "kube-system";

    @Option(names = "--type", required = true, paramLabel = "TYPE", description = "${COMPLETION-CANDIDATES}.")
    DevicePluginType type;

    @Option(names = "--resource", paramLabel = "DOMAIN/NAME",
            description = "virtual: the resource to advertise (default: " + DevicePluginRequest.DEFAULT_RESOURCE + ").")
    String resource;

    @Option(names = "--count", paramLabel = "N", description = "virtual: devices per node (default: 4).")
    Integer count;

    @Option(names = "--image", paramLabel = "IMAGE", description = "The plugin's image (default: labctl/device-plugin:0.1.0 or NVIDIA's pinned one).")
    String image;

    DevicePluginRequest request(Cli cli) {
        if (type == DevicePluginType.nvidia && (resource != null || count != null)) {
            throw LabctlException.usage("--resource and --count are for the virtual plugin",
                    "NVIDIA's plugin advertises nvidia.com/gpu, one per GPU the node has");
        }
        String namespace = cli.options().namespaceOrNull() == null ? DEFAULT_NAMESPACE : cli.options().namespaceOrNull();
        return new DevicePluginRequest(type, namespace, resource == null ? DevicePluginRequest.DEFAULT_RESOURCE : resource,
                count == null ? 4 : count, image == null ? type.defaultImage() : image).validate();
    }
}
