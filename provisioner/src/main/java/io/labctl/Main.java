package io.labctl;

import io.labctl.cli.CliContext;
import io.labctl.cli.LabctlCommand;

import java.util.Arrays;

/** Entry point of the {@code labctl} executable jar. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        configureLogging(args);
        int status = LabctlCommand.commandLine(CliContext.system()).execute(args);
        System.exit(status);
    }

    /**
     * The Kubernetes client logs through SLF4J; its warnings would mix with labctl's own messages,
     * so it stays quiet unless asked (-vv). Must run before any logger is created.
     */
    private static void configureLogging(String[] args) {
        long verbosity = Arrays.stream(args).filter(a -> a.equals("-vv") || a.equals("-v") || a.equals("--verbose"))
                .mapToLong(a -> a.equals("-vv") ? 2 : 1).sum();
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbosity >= 2 ? "debug" : "error");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    }
}
