package io.labctl.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpCommandInitializable2;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;

/**
 * {@code labctl help [COMMAND...]}: like kubectl's, it follows the whole path ({@code help spark deploy}), which
 * picocli's own HelpCommand does not (it stops at the first word). Marked as a help command, so a missing required
 * option of the command asked about never stops its help.
 */
@Command(name = "help", helpCommand = true,
        description = "Show the help of a command, e.g. labctl help spark deploy.",
        footerHeading = "%nExamples:%n",
        footer = {"  labctl help", "  labctl help spark deploy"})
public final class NestedHelpCommand implements IHelpCommandInitializable2, Runnable {
    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command path, e.g. spark deploy.")
    String[] path = {};

    private CommandLine self;
    private PrintWriter out;
    private Help.ColorScheme colors;

    @Override
    public void init(CommandLine helpCommandLine, Help.ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = out;
    }

    @Override
    public void run() {
        CommandLine target = self.getParent();
        for (String name : path) {
            CommandLine next = target.getSubcommands().get(name);
            if (next == null) {
                throw new ParameterException(self, "'" + target.getCommandSpec().qualifiedName() + "' has no command '"
                        + name + "'; its commands: " + String.join(", ", target.getSubcommands().keySet()));
            }
            target = next;
        }
        target.usage(out, colors);
        out.flush();
    }

}
