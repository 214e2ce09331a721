package io.labctl.cli.deviceplugin;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code labctl device-plugin ...}. */
@Command(name = "device-plugin",
        description = "Install device plugins (NVIDIA's for real GPUs, labctl's virtual one for laptops) and see what nodes advertise.",
        footerHeading = "%nExamples:%n",
        footer = {"  labctl device-plugin install --type virtual --count 4", "  labctl device-plugin status",
            "  labctl device-plugin uninstall --type virtual"},
        subcommands = {DevicePluginInstallCommand.class, DevicePluginStatusCommand.class, DevicePluginUninstallCommand.class})
public final class DevicePluginCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
