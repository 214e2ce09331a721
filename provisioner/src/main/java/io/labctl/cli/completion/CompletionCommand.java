package io.labctl.cli.completion;

import io.labctl.cli.Cli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code labctl completion bash|zsh|fish}: kubectl's name for printing the shell completion script. */
@Command(name = "completion",
        description = {"Print the completion script for bash, zsh or fish: commands, options, formats, and what exists "
                + "now (lab clusters, Spark clusters, namespaces, exercise ids).",
            "Every TAB runs labctl, which answers from the command tree; a question to the cluster gives up after "
                + "1 s (3 s for the whole read) and then offers nothing."},
        footerHeading = "%nExamples:%n",
        footer = {"  source <(labctl completion bash)     # bash (add the line to ~/.bashrc to keep it)",
            "  source <(labctl completion zsh)      # zsh, after compinit (add the line to ~/.zshrc)",
            "  labctl completion fish | source      # fish (or save it as ~/.config/fish/completions/labctl.fish)"})
public final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "${COMPLETION-CANDIDATES}.")
    Shell shell;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        cli.out().print(shell.script());
        cli.out().flush();
        return 0;
    }
}
