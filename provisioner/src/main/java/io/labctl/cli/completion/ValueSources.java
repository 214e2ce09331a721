package io.labctl.cli.completion;

import io.labctl.cli.NestedHelpCommand;
import io.labctl.cli.cluster.ClusterDownCommand;
import io.labctl.cli.cluster.ClusterStatusCommand;
import io.labctl.cli.lab.LabCheckCommand;
import io.labctl.cli.lab.LabRunCommand;
import io.labctl.cli.lab.LabShowCommand;
import io.labctl.cli.spark.SparkConnectCommand;
import io.labctl.cli.spark.SparkLogsCommand;
import io.labctl.cli.spark.SparkRunCommand;
import io.labctl.cli.spark.SparkScaleCommand;
import io.labctl.cli.spark.SparkShellCommand;
import io.labctl.cli.spark.SparkStatusCommand;
import io.labctl.cli.spark.SparkTeardownCommand;
import io.labctl.cli.spark.SparkUiCommand;
import io.labctl.grading.LabCatalog;
import io.labctl.grading.report.ReportFormat;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Which arguments complete from which source, beyond what picocli's model knows by itself (enum values, the provider
 * list, file names for file arguments): one entry per kind of argument, with why it completes that way.
 */
final class ValueSources {
    /** One entry: the arguments it applies to, said in words for the test that every entry still finds one. */
    record Rule(String applies, Predicate<ArgSpec> matches, ValueSource source) {
    }

    private final List<Rule> rules;

    ValueSources(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The sources labctl completes with; {@code clusterRead} bounds the ones that ask the cluster. */
    static ValueSources standard(ClusterRead clusterRead) {
        ValueSource sparkClusters = new SparkClusterNames(clusterRead);
        ValueSource labClusters = new LabClusterNames();
        ValueSource exercises = new ExerciseIds();
        List<Rule> rules = new ArrayList<>(List.of(
                // kubectl's -n: the namespaces of the cluster the line points at.
                option("--namespace", new NamespaceNames(clusterRead)),
                // The contexts of the kubeconfig the line points at, read from the file.
                option("--context", new ContextNames()),
                // Every --cluster (image build, image load) names a cluster labctl created or registered.
                option("--cluster", labClusters),
                positional(ClusterDownCommand.class, "NAME", labClusters),
                positional(ClusterStatusCommand.class, "NAME", labClusters),
                // The lab commands take exercise ids of the lab on the line; grade --exercise a list of them.
                positional(LabShowCommand.class, "EX", exercises),
                positional(LabRunCommand.class, "EX", exercises),
                positional(LabCheckCommand.class, "EX", exercises),
                option("--exercise", exercises),
                // --lab NAME|FILE: a built-in lab, or a lab file.
                option("--lab", lookup -> Completions.of(LabCatalog.BUILT_IN.stream().map(Candidate::of).toList())
                        .plus(Completions.files(Completions.Files.FILES))),
                // grade --format: a list of report formats, plain strings in the model (several at once).
                option("--format", lookup -> Completions.of(Arrays.stream(ReportFormat.values())
                        .map(format -> Candidate.of(format.name())).toList())),
                // help follows a command path: the subcommands below what is typed.
                positional(NestedHelpCommand.class, "COMMAND", new CommandPath())));
        // The commands that act on an existing Spark cluster (deploy names a new one: nothing to offer).
        Stream.of(SparkScaleCommand.class, SparkStatusCommand.class, SparkTeardownCommand.class, SparkRunCommand.class,
                        SparkConnectCommand.class, SparkLogsCommand.class, SparkUiCommand.class, SparkShellCommand.class)
                .forEach(command -> rules.add(positional(command, "NAME", sparkClusters)));
        return new ValueSources(rules);
    }

    /** The source for this argument, if an entry names it. */
    Optional<ValueSource> forArgument(ArgSpec arg) {
        return rules.stream().filter(rule -> rule.matches().test(arg)).map(Rule::source).findFirst();
    }

    /** The entries that match no argument of the tree below {@code root} (a renamed option or command). */
    List<String> matchingNothing(CommandSpec root) {
        List<ArgSpec> args = new ArrayList<>();
        collect(root, args);
        return rules.stream().filter(rule -> args.stream().noneMatch(rule.matches())).map(Rule::applies).toList();
    }

    private static void collect(CommandSpec command, List<ArgSpec> into) {
        into.addAll(command.args());
        command.subcommands().values().stream().map(sub -> sub.getCommandSpec()).distinct()
                .forEach(sub -> collect(sub, into));
    }

    private static Rule option(String name, ValueSource source) {
        return new Rule("option " + name, arg -> arg instanceof OptionSpec option
                && Arrays.asList(option.names()).contains(name), source);
    }

    private static Rule positional(Class<?> command, String label, ValueSource source) {
        return new Rule(label + " of " + command.getSimpleName(), arg -> arg.isPositional() && label.equals(arg.paramLabel())
                && arg.command() != null && command.isInstance(arg.command().userObject()), source);
    }
}
