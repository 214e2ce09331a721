package io.labctl;

import io.labctl.cli.CliContext;
import io.labctl.cli.LabctlCommand;
import io.labctl.kube.KubeConnector;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The training run behind labctl's class-data sharing archive: the launcher runs it once per build with
 * {@code -XX:ArchiveClassesAtExit}, and every later start maps the classes it loaded instead of loading and
 * verifying them again. It runs, in one JVM, the commands people start most (help, version, the lab guide, a dry
 * run), with output discarded and no cluster contacted.
 */
public final class CdsTraining {
    private static final List<List<String>> COMMANDS = List.of(
            List.of("--help"),
            List.of("--version"),
            List.of("spark", "deploy", "--help"),
            List.of("lab", "show", "ex3"),
            List.of("lab", "list"),
            List.of("spark", "deploy", "training", "-n", "default", "--dry-run", "-o", "yaml"));

    private CdsTraining() {
    }

    public static void main(String[] args) {
        // No kubeconfig anywhere: the dry run's namespace check fails fast and offline, as it should.
        Map<String, String> env = Map.of("KUBECONFIG", "/nonexistent/labctl-cds-training");
        for (List<String> command : COMMANDS) {
            StringWriter sink = new StringWriter();
            PrintWriter out = new PrintWriter(sink);
            CliContext context = new CliContext(out, out, env, false, new KubeConnector(env, Path.of("/nonexistent")));
            LabctlCommand.commandLine(context).execute(command.toArray(String[]::new));
        }
    }
}
