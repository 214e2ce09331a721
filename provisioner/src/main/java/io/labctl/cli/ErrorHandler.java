package io.labctl.cli;

import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.TerminalText;
import io.labctl.kube.KubeErrors;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.util.List;

/**
 * The one place errors become output: "error: WHAT" and "hint: NEXT STEP" on stderr, the exit code
 * of the failure kind, and the stack trace only with -v.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private final CliContext context;

    ErrorHandler(CliContext context) {
        this.context = context;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        LabctlException failure = ex instanceof LabctlException le ? le
                : KubeErrors.translate(ex, "the cluster", "run " + cmd.getCommandName());
        boolean verbose = ((LabctlCommand) cmd.getCommandSpec().root().userObject()).globals().verbosity() > 0;
        report(failure, verbose);
        return failure.exitCode().status();
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        PrintWriter err = context.err();
        CommandLine cmd = ex.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            // kubectl's way: say what was not understood, then what was probably meant.
            String word = unmatched.getUnmatched().get(0);
            var global = word.startsWith("-") ? cmd.getCommandSpec().root().findOption(word.replaceFirst("=.*", "")) : null;
            if (global != null && cmd.getCommandSpec().findOption(word.replaceFirst("=.*", "")) == null) {
                // A global option GlobalOptionScope took away from this command: it would do nothing here.
                err.println("error: " + GlobalOptionScope.notUsed(cmd.getCommandSpec(), global));
                err.println("hint: see `" + name + " --help`");
                return ExitCode.USAGE.status();
            }
            err.println("error: unknown " + (word.startsWith("-") ? "option '" : "command '") + TerminalText.visible(word)
                    + "' for `" + name + "`");
            // Only long options get suggestions: every one-letter option is one edit away from any other.
            // Never a hidden command either (`labctl complete` is not __complete).
            List<String> known = word.startsWith("--")
                    ? cmd.getCommandSpec().options().stream().flatMap(o -> java.util.Arrays.stream(o.names()))
                            .filter(n -> n.startsWith("--")).toList()
                    : word.startsWith("-") ? List.of() : cmd.getSubcommands().entrySet().stream()
                            .filter(sub -> !sub.getValue().getCommandSpec().usageMessage().hidden())
                            .map(java.util.Map.Entry::getKey).toList();
            List<String> suggestions = Suggestions.closest(word.replaceFirst("=.*", ""), known);
            err.println("hint: " + (suggestions.isEmpty() ? "see `" + name + " --help`"
                    : "did you mean " + String.join(" or ", suggestions.stream().limit(3)
                    .map(s -> "`" + name + " " + s + "`").toList()) + "?"));
            return ExitCode.USAGE.status();
        }
        // picocli's own messages start with "Error: "; ours already say "error: ".
        err.println("error: " + TerminalText.visible(ex.getMessage().replaceFirst("^Error: ", "")));
        err.println("hint: see `" + name + " --help`");
        return ExitCode.USAGE.status();
    }

    void report(LabctlException failure, boolean verbose) {
        PrintWriter err = context.err();
        // Messages quote file names, ids and lab text: control characters in them must not reach the terminal.
        err.println("error: " + TerminalText.visible(failure.getMessage()));
        if (failure.hint() != null) {
            err.println("hint: " + TerminalText.visible(failure.hint()));
        }
        if (verbose && failure.getCause() != null) {
            failure.getCause().printStackTrace(err);
        } else if (failure.exitCode() == ExitCode.INTERNAL) {
            err.println("(run again with -v for details)");
        }
        err.flush();
    }
}
