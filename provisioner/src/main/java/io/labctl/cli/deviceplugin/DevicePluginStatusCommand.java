package io.labctl.cli.deviceplugin;

import io.labctl.cli.Cli;
import io.labctl.cli.GlobalOptionUse;
import io.labctl.cli.UsesGlobalOptions;
import io.labctl.deviceplugin.DevicePluginInstaller;
import io.labctl.deviceplugin.NodeDevices;
import io.labctl.kube.KubeSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code labctl device-plugin status}. */
@Command(name = "status", description = "Devices per node (capacity and allocatable of every vendor resource) and the plugin pods.",
        footerHeading = "%nExamples:%n", footer = {"  labctl device-plugin status", "  labctl device-plugin status -o json"})
@UsesGlobalOptions({GlobalOptionUse.CLUSTER, GlobalOptionUse.NAMESPACE, GlobalOptionUse.RESULT})
public final class DevicePluginStatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The JSON/YAML shape of the status. */
    public record Status(List<NodeDevices> nodes, List<String> pluginPods) {
    }

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        try (KubeSession session = cli.connect()) {
            DevicePluginInstaller installer = new DevicePluginInstaller(session.client(), cli.progress());
            cli.print(new Status(installer.status(), installer.pluginPods()), (r, s) -> {
                StringBuilder out = new StringBuilder(String.format("%-24s %-40s %s%n", "NODE", "CAPACITY", "ALLOCATABLE"));
                for (NodeDevices node : r.nodes()) {
                    out.append(String.format("%-24s %-40s %s%n", node.node(), node.capacity().isEmpty() ? "-" : node.capacity(),
                            node.allocatable().isEmpty() ? "-" : node.allocatable()));
                }
                out.append(r.pluginPods().isEmpty() ? "No labctl-installed device plugin pods.\n" : "Plugin pods:\n");
                r.pluginPods().forEach(p -> out.append("  ").append(p).append('\n'));
                return out.toString();
            });
        }
        return 0;
    }
}
