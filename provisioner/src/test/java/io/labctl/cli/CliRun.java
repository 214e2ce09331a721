package io.labctl.cli;

import io.labctl.kube.KubeConnector;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs labctl in-process with captured stdout/stderr and a given environment (tests only). */
public record CliRun(int status, String out, String err) {

    public static CliRun run(Map<String, String> env, Path home, boolean terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true), env, terminal,
                new KubeConnector(env, home));
        int status = LabctlCommand.commandLine(context).execute(args);
        return new CliRun(status, out.toString(), err.toString());
    }

    public static CliRun run(Path home, String... args) {
        return run(Map.of(), home, false, args);
    }
}
