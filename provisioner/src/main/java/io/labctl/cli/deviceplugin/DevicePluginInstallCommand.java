package io.labctl.cli.deviceplugin;

import io.labctl.cli.Cli;
import io.labctl.cli.DryRun;
import io.labctl.cli.GlobalOptionUse;
import io.labctl.cli.UsesGlobalOptions;
import io.labctl.deviceplugin.DevicePluginInstaller;
import io.labctl.deviceplugin.DevicePluginManifest;
import io.labctl.deviceplugin.DevicePluginRequest;
import io.labctl.deviceplugin.NodeDevices;
import io.labctl.kube.KubeSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code labctl device-plugin install}. */
@Command(name = "install",
        description = {"Install a device plugin as a DaemonSet and wait until every node it runs on advertises the devices.",
            "The namespace is kube-system unless -n. The virtual plugin is labctl's own (device-plugin/): N virtual",
            "devices per node under a resource of your domain, handed to containers as LABCTL_VISIBLE_DEVICES."},
        footerHeading = "%nExamples:%n",
        footer = {"  labctl device-plugin install --type virtual --count 4            # labctl.io/vgpu: 4 on each node",
            "  labctl device-plugin install --type virtual --resource example.edu/fpga --count 2",
            "  labctl device-plugin install --type nvidia                        # real GPUs: nvidia.com/gpu",
            "  labctl device-plugin install --type virtual --dry-run -o yaml      # the DaemonSet, for kubectl apply"})
@UsesGlobalOptions({GlobalOptionUse.CLUSTER, GlobalOptionUse.NAMESPACE, GlobalOptionUse.RESULT})
public final class DevicePluginInstallCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PluginOptions plugin;

    @Option(names = "--dry-run", arity = DryRun.ARITY, preprocessor = DryRun.AttachedValueOnly.class, paramLabel = "client",
            description = "Print the DaemonSet instead of applying it.")
    DryRun dryRun = DryRun.none;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "3m",
            description = "How long to wait for the pods and the nodes' capacity (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        DevicePluginRequest request = plugin.request(cli);
        if (dryRun.on()) {
            cli.out().print(DevicePluginManifest.yaml(request));
            cli.out().flush();
            return 0;
        }
        try (KubeSession session = cli.connect()) {
            DevicePluginInstaller.Result result = new DevicePluginInstaller(session.client(), cli.progress()).install(request, timeout);
            cli.print(result, (r, s) -> {
                StringBuilder out = new StringBuilder(s.green("Device plugin " + r.namespace() + "/" + r.name()) + " is ready: "
                        + r.readyPods() + " pod(s), resource " + r.resource() + "\n");
                for (NodeDevices node : r.nodes()) {
                    out.append(String.format("  %-24s %s%n", node.node(), node.capacity().isEmpty() ? "-" : node.capacity()));
                }
                out.append(s.dim("kubectl equivalents:")).append('\n');
                r.kubectl().forEach(k -> out.append(s.dim("  " + k)).append('\n'));
                return out.toString();
            });
        }
        return 0;
    }
}
