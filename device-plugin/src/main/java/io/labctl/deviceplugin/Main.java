package io.labctl.deviceplugin;

import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** The DaemonSet's process: advertise the configured virtual devices on this node until stopped. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT %4$s %5$s%6$s%n");
        Logger root = Logger.getLogger("");
        for (var handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        ConsoleHandler console = new ConsoleHandler();
        console.setFormatter(new SimpleFormatter());
        root.addHandler(console);
        root.setLevel(Level.INFO);

        PluginSettings settings;
        try {
            settings = PluginSettings.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("labctl-device-plugin: error: " + e.getMessage());
            System.exit(2);
            return;
        }
        PluginLoop loop = new PluginLoop(settings, new VirtualDevices(settings.shortName(), settings.deviceCount()));
        Runtime.getRuntime().addShutdownHook(new Thread(loop::stop));
        loop.run();
    }
}
