package io.labctl.cli;

/**
 * The groups of global options a command may use. A leaf command declares its groups with {@link UsesGlobalOptions};
 * the others are taken out of its help and refused on its command line, so nothing a student types is silently ignored.
 * {@code -v}, {@code -q} and {@code --no-color} belong to every command.
 */
public enum GlobalOptionUse {
    /** --kubeconfig and --context: the command talks to a cluster. */
    CLUSTER("--kubeconfig", "--context"),
    /** -n: the command works in one namespace (or renders commands for it, like lab show). */
    NAMESPACE("--namespace"),
    /** -o text|json|yaml: the command prints a result. */
    RESULT("--output"),
    /** -o wide|name as well: the command prints a list, like kubectl get. */
    LIST();

    private final java.util.List<String> longNames;

    GlobalOptionUse(String... longNames) {
        this.longNames = java.util.List.of(longNames);
    }

    public java.util.List<String> longNames() {
        return longNames;
    }
}
