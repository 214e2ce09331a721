package io.labctl.cli.completion;

import io.labctl.core.LabctlException;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/**
 * {@code labctl generate-completion}, picocli's name that labctl's help once showed: a line in someone's ~/.bashrc may
 * still run it. It prints no script (a bash-only one would break zsh), just the new command, on every new shell until
 * the line is changed. Hidden: nobody should start using it.
 */
@Command(name = "generate-completion", hidden = true,
        description = "Renamed: use labctl completion bash|zsh|fish.",
        footerHeading = "%nExamples:%n",
        footer = {"  labctl completion bash   # instead of labctl generate-completion"})
public final class GenerateCompletionRenamedCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw LabctlException.usage("`labctl generate-completion` is now `labctl completion bash|zsh|fish`",
                "in ~/.bashrc: source <(labctl completion bash); see `labctl completion --help`");
    }
}
