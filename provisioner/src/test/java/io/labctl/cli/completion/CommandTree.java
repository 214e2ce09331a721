package io.labctl.cli.completion;

import io.labctl.cli.CliContext;
import io.labctl.cli.LabctlCommand;
import io.labctl.kube.KubeConnector;
import io.labctl.kube.KubeTarget;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** labctl's real command tree and lookups on it, for the completion tests (no output kept, no cluster). */
final class CommandTree {
    private CommandTree() {
    }

    /** The wired root command, with {@code env} and {@code home} as its surroundings. */
    static CommandSpec root(Map<String, String> env, Path home) {
        return LabctlCommand.commandLine(context(env, home)).getCommandSpec();
    }

    static CliContext context(Map<String, String> env, Path home) {
        PrintWriter sink = new PrintWriter(new StringWriter());
        return new CliContext(sink, sink, env, false, new KubeConnector(env, home));
    }

    /** A lookup for the words typed after {@code labctl}, the last one being completed. */
    static Lookup lookup(Map<String, String> env, Path home, String... words) {
        CliContext context = context(env, home);
        CommandSpec root = LabctlCommand.commandLine(context).getCommandSpec();
        return Lookup.of(context, KubeTarget.defaults(), TypedLine.read(root, List.of(words)), root);
    }
}
