package io.labctl.cli.completion;

import io.labctl.cli.CliContext;
import io.labctl.kube.KubeConnector;
import io.labctl.kube.KubeTarget;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;

/**
 * What a value source may consult: labctl's surroundings (environment, home), the cluster the line points at, the
 * line itself, and the command tree.
 *
 * @param target the kubeconfig, context and namespace typed on the line, else those given to labctl itself
 */
record Lookup(CliContext context, KubeTarget target, TypedLine line, CommandSpec root) {

    /** The target typed on the line ({@code --kubeconfig}, {@code --context}, {@code -n}) over {@code given}. */
    static Lookup of(CliContext context, KubeTarget given, TypedLine line, CommandSpec root) {
        Path home = KubeConnector.home(context.env());
        KubeTarget target = new KubeTarget(
                line.value("--kubeconfig").map(file -> expandHome(file, home)).orElse(given.kubeconfig()),
                line.value("--context").orElse(given.context()),
                line.value("--namespace").orElse(given.namespace()));
        return new Lookup(context, target, line, root);
    }

    /** A typed word is not expanded by the shell yet: {@code ~/x} is still a tilde. */
    private static Path expandHome(String file, Path home) {
        return file.equals("~") ? home : file.startsWith("~/") ? home.resolve(file.substring(2)) : Path.of(file);
    }
}
