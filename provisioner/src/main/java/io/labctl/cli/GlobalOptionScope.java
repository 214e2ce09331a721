package io.labctl.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Global options where they mean something. picocli's inherited options reach every subcommand; this takes the ones
 * a leaf command does not use out of its help (and so out of completion), and refuses them when they were given
 * before the command's name ({@code labctl -o json spark logs}), where picocli still parses them. Group commands
 * ({@code labctl spark}) keep them all: they only pass them on.
 */
public final class GlobalOptionScope {
    private static final List<OutputFormat> LIST_ONLY = List.of(OutputFormat.wide, OutputFormat.name);

    private GlobalOptionScope() {
    }

    /** What {@code command} uses: its annotation, or nothing beyond -v/-q/--no-color. */
    public static Set<GlobalOptionUse> uses(CommandSpec command) {
        Object user = command.userObject();
        UsesGlobalOptions declared = user == null ? null : user.getClass().getAnnotation(UsesGlobalOptions.class);
        Set<GlobalOptionUse> uses = EnumSet.noneOf(GlobalOptionUse.class);
        if (declared != null) {
            uses.addAll(List.of(declared.value()));
        }
        if (uses.contains(GlobalOptionUse.LIST)) {
            uses.add(GlobalOptionUse.RESULT);
        }
        return uses;
    }

    /** Whether the command {@code args} name (words up to the first option) uses {@code use}; false when unknown. */
    public static boolean uses(CommandLine root, List<String> args, GlobalOptionUse use) {
        CommandLine command = root;
        for (String word : args) {
            CommandLine sub = command.getSubcommands().get(word);
            if (sub == null) {
                break;
            }
            command = sub;
        }
        return command != root && uses(command.getCommandSpec()).contains(use);
    }

    /** Removes the unused global options from every leaf below {@code root}. */
    public static void apply(CommandLine root) {
        for (CommandLine sub : root.getSubcommands().values()) {
            if (!sub.getSubcommands().isEmpty()) {
                apply(sub);
                continue;
            }
            CommandSpec spec = sub.getCommandSpec();
            Set<GlobalOptionUse> uses = uses(spec);
            for (OptionSpec option : new ArrayList<>(spec.options())) {
                if (!option.inherited()) {
                    continue;
                }
                if (!usable(option.longestName(), uses)) {
                    spec.remove(option);
                } else if (option.longestName().equals("--output") && !uses.contains(GlobalOptionUse.LIST)) {
                    spec.remove(option);
                    spec.addOption(OptionSpec.builder(option).completionCandidates(List.of("text", "json", "yaml"))
                            .description("Result format: text, json, yaml (default: text). Progress always goes to stderr.")
                            .build());
                }
            }
        }
    }

    /** Before running: global options given at a parent level that the command does not use, and -o wide|name off lists. */
    public static void check(ParseResult parsed) {
        ParseResult leaf = parsed;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        CommandSpec command = leaf.commandSpec();
        if (!command.subcommands().isEmpty()) {
            return; // a group shows its help
        }
        Set<GlobalOptionUse> uses = uses(command);
        for (ParseResult level = parsed; level != leaf; level = level.subcommand()) {
            for (OptionSpec given : level.matchedOptions()) {
                if (!usable(given.longestName(), uses)) {
                    throw new ParameterException(leaf.commandSpec().commandLine(), notUsed(command, given));
                }
            }
        }
        OutputFormat format = ((LabctlCommand) command.root().userObject()).globals().output();
        if (LIST_ONLY.contains(format) && !uses.contains(GlobalOptionUse.LIST)) {
            throw new ParameterException(leaf.commandSpec().commandLine(), "-o " + format + " is for lists (cluster list,"
                    + " spark list, spark apps list, lab list); " + command.qualifiedName() + " prints text, json or yaml");
        }
    }

    /** The one-line error for a global option given to a command that does not use it. */
    static String notUsed(CommandSpec command, OptionSpec option) {
        return "`" + command.qualifiedName() + "` does not use " + String.join("/", option.names()) + "; leave it out";
    }

    private static boolean usable(String longName, Set<GlobalOptionUse> uses) {
        for (GlobalOptionUse use : GlobalOptionUse.values()) {
            if (use.longNames().contains(longName)) {
                return uses.contains(use);
            }
        }
        return true; // -v, -q, --no-color, --help, --version
    }
}
