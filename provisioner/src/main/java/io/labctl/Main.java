package io.labctl;

import io.labctl.cli.CliContext;
import io.labctl.cli.LabctlCommand;

import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Entry point of the {@code labctl} executable jar. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        configureLogging(args);
        ClientWarmup.startFor(args);
        int status = LabctlCommand.commandLine(CliContext.system()).execute(args);
        JvmExit.exit(status);
    }

    /**
     * Libraries log through SLF4J (the Kubernetes client, Testcontainers) and java.util.logging (the JDK's HTTP
     * client): their lines would mix with labctl's own messages, which already say what failed and how to fix it.
     * They stay silent unless asked: -v shows their warnings, -vv their debug output. Must run before any logger
     * is created.
     */
    private static void configureLogging(String[] args) {
        long verbosity = Arrays.stream(args).filter(a -> a.equals("-vv") || a.equals("-v") || a.equals("--verbose"))
                .mapToLong(a -> a.equals("-vv") ? 2 : 1).sum();
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbosity >= 2 ? "debug" : verbosity == 1 ? "warn" : "off");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        Logger.getLogger("").setLevel(verbosity >= 2 ? Level.FINE : verbosity == 1 ? Level.WARNING : Level.OFF);
    }
}
