package io.labctl.cli.deviceplugin;

import io.labctl.cli.Cli;
import io.labctl.cli.GlobalOptionUse;
import io.labctl.cli.UsesGlobalOptions;
import io.labctl.deviceplugin.DevicePluginInstaller;
import io.labctl.deviceplugin.DevicePluginRequest;
import io.labctl.kube.KubeSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.concurrent.Callable;

/** {@code labctl device-plugin uninstall}. */
@Command(name = "uninstall", description = "Remove a device plugin's DaemonSet (twice is fine).",
        footerHeading = "%nExamples:%n", footer = {"  labctl device-plugin uninstall --type virtual"})
@UsesGlobalOptions({GlobalOptionUse.CLUSTER, GlobalOptionUse.NAMESPACE, GlobalOptionUse.RESULT})
public final class DevicePluginUninstallCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PluginOptions plugin;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        DevicePluginRequest request = plugin.request(cli);
        try (KubeSession session = cli.connect()) {
            boolean removed = new DevicePluginInstaller(session.client(), cli.progress()).uninstall(request);
            cli.print(Map.of("name", request.name(), "namespace", request.namespace(), "removed", removed),
                    (r, s) -> (removed ? "Removed " : "Not installed: ") + request.namespace() + "/" + request.name() + "\n");
        }
        return 0;
    }
}
