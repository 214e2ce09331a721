package io.labctl.cli;

import io.labctl.kube.KubeConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier: unit (the picocli model, in-process). Help is the manual a student reads first: every command says what it
 * does in one sentence (the line `labctl spark --help` lists), shows examples, and every option and parameter says
 * what it is for, and names its value. Walks the whole tree, so a new command cannot skip it.
 */
class CommandTreeDocumentedTest {
    @TempDir
    Path home;

    @Test
    void everyCommand_hasAOneSentenceSummary_examples_andDescribedOptions() {
        List<String> problems = new ArrayList<>();
        CommandSpec root = root().getCommandSpec();
        for (CommandSpec command : commands(root, new ArrayList<>())) {
            String name = command.qualifiedName();
            String[] description = command.usageMessage().description();
            if (description.length == 0 || !description[0].strip().matches(".*[.)]$")) {
                problems.add(name + ": the first description line is not one whole sentence");
            }
            String[] footer = command.usageMessage().footer();
            // A command without a footer of its own inherits the root's (scope INHERIT): that is no example of it.
            boolean own = command == root || !java.util.Arrays.equals(footer,
                    LabctlCommand.class.getAnnotation(picocli.CommandLine.Command.class).footer());
            if (!own || !command.usageMessage().footerHeading().contains("Examples") || footer.length == 0
                    || !String.join("\n", footer).contains(name)) {
                problems.add(name + ": no examples");
            }
            for (OptionSpec option : command.options()) {
                if (option.description().length == 0 || option.description()[0].isBlank()) {
                    problems.add(name + " " + option.longestName() + ": no description");
                }
                // picocli's fallback label is the Java field's name (<workerCores>): say what the value is instead.
                if (option.arity().max() > 0 && option.paramLabel().startsWith("<")) {
                    problems.add(name + " " + option.longestName() + ": no value label (paramLabel)");
                }
            }
            for (PositionalParamSpec parameter : command.positionalParameters()) {
                if (parameter.description().length == 0 || parameter.description()[0].isBlank()) {
                    problems.add(name + " " + parameter.paramLabel() + ": no description");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private CommandLine root() {
        Map<String, String> env = Map.of();
        CliContext context = new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), env,
                false, new KubeConnector(env, home));
        return LabctlCommand.commandLine(context);
    }

    private static List<CommandSpec> commands(CommandSpec command, List<CommandSpec> into) {
        into.add(command);
        command.subcommands().values().stream().map(CommandLine::getCommandSpec).distinct()
                .forEach(sub -> commands(sub, into));
        return into;
    }
}
