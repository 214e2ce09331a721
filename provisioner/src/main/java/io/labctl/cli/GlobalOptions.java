package io.labctl.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;

/**
 * Options every labctl command accepts, before or after the subcommand name
 * ({@code labctl -n lab spark list} and {@code labctl spark list -n lab} are the same).
 */
public final class GlobalOptions {
    @Option(names = "--kubeconfig", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Kubeconfig file (default: $KUBECONFIG, else ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--context", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "Kubeconfig context (default: the file's current-context; labctl always says which one it uses).")
    String context;

    @Option(names = {"-n", "--namespace"}, scope = ScopeType.INHERIT, paramLabel = "NS",
            description = "Namespace (default: the context's namespace, else 'default').")
    String namespace;

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "FORMAT", defaultValue = "text",
            description = "Result format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). Progress always goes to stderr.")
    OutputFormat output = OutputFormat.text;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Verbose: stack traces on errors; twice for client debug logs.")
    boolean[] verbose = new boolean[0];

    @Option(names = "--no-color", scope = ScopeType.INHERIT,
            description = "No colors (also when NO_COLOR is set, TERM=dumb, or output is not a terminal).")
    boolean noColor;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "No progress on stderr, only the result and errors.")
    boolean quiet;

    /** -n as given, or null (commands with a namespace of their own, e.g. kube-system, use theirs then). */
    public String namespaceOrNull() {
        return namespace;
    }

    public Path kubeconfigFile() {
        return kubeconfig;
    }

    public int verbosity() {
        return verbose == null ? 0 : verbose.length;
    }

    public boolean quiet() {
        return quiet;
    }

    public OutputFormat output() {
        return output;
    }
}
