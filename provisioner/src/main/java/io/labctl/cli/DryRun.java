package io.labctl.cli;

import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.Map;
import java.util.Stack;

/**
 * {@code --dry-run[=client]} as kubectl takes it: bare {@code --dry-run} means client, {@code none} is the default.
 * There is no {@code server}: labctl's dry run prints what it would send and never contacts the API server to
 * change anything, and claiming the API server's admission checks ran would be false.
 */
public enum DryRun {
    none, client;

    /** The option's arity every command repeats (picocli needs constants in annotations). */
    public static final String ARITY = "0..1";

    public boolean on() {
        return this == client;
    }

    /**
     * kubectl's parsing: a value only when attached ({@code --dry-run=client}); a separate word after a bare
     * {@code --dry-run} is the next argument, so {@code spark deploy --dry-run spark-a} still names the cluster.
     */
    public static final class AttachedValueOnly implements IParameterPreprocessor {
        @Override
        public boolean preprocess(Stack<String> args, CommandSpec commandSpec, ArgSpec argSpec, Map<String, Object> info) {
            // picocli says " " when the value would be a separate word; then the value is ours to give.
            if (" ".equals(info.get("separator"))) {
                args.push(client.name());
            }
            return false; // picocli converts the value: none or client, anything else is refused
        }
    }
}
