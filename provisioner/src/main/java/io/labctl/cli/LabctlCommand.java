package io.labctl.cli;

import io.labctl.cli.cluster.ClusterCommand;
import io.labctl.cli.cluster.ClusterUpCommand;
import io.labctl.cli.cluster.ClusterWiring;
import io.labctl.cli.completion.CompleteCommand;
import io.labctl.cli.completion.CompletionCommand;
import io.labctl.cli.completion.GenerateCompletionRenamedCommand;
import io.labctl.cli.deviceplugin.DevicePluginCommand;
import io.labctl.cli.grade.GradeCommand;
import io.labctl.cli.image.ImageCommand;
import io.labctl.cli.lab.LabCommand;
import io.labctl.cli.spark.SparkCommand;
import io.labctl.core.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ScopeType;

import java.util.ArrayList;
import java.util.List;

/** The root command. Holds the global options and the process context every subcommand uses. */
@Command(name = "labctl",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT, // every subcommand gets --help

        versionProvider = VersionProvider.class,
        description = "Kubernetes lab clusters and Apache Spark on them, for courses.",
        subcommands = {ClusterCommand.class, ImageCommand.class, DevicePluginCommand.class, SparkCommand.class,
            LabCommand.class, GradeCommand.class, VersionCommand.class, NestedHelpCommand.class,
            CompletionCommand.class, CompleteCommand.class, GenerateCompletionRenamedCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  labctl cluster up lab1 --workers 2           # k3s in Docker: a master and 2 worker nodes",
            "  labctl image build && labctl image load --cluster lab1",
            "  labctl spark deploy spark-a --workers 2      # master + 2 workers + Service on 7077",
            "  labctl spark scale spark-a --workers 3       # and print the kubectl equivalent",
            "  labctl spark run spark-a pi                  # SparkPi from a pod in the namespace",
            "  labctl spark status spark-a -o json",
            "  labctl spark teardown spark-a",
            "  labctl lab show ex3 && labctl lab check ex3  # students: the guide, then the grader's checks",
            "  labctl grade --roster roster.yaml            # instructors: a whole class, in parallel",
            "  source <(labctl completion bash)             # TAB completion (also zsh, fish)"})
public final class LabctlCommand implements Runnable {
    private static final int FOOTER_WIDTH = 100;

    @Mixin
    private GlobalOptions globals = new GlobalOptions();

    private final CliContext context;

    public LabctlCommand(CliContext context) {
        this.context = context;
    }

    public GlobalOptions globals() {
        return globals;
    }

    public CliContext context() {
        return context;
    }

    @Override
    public void run() {
        // `labctl` alone: show what it can do.
        new CommandLine(this).usage(context.err());
    }

    /** The footer, then every exit code and its meaning, from {@link ExitCode} (the README's table says the same). */
    static String[] withExitCodes(String[] footer) {
        List<String> lines = new ArrayList<>(List.of(footer));
        lines.add("");
        lines.add("Exit codes:");
        StringBuilder line = new StringBuilder(" ");
        for (ExitCode code : ExitCode.values()) {
            String entry = " " + code.status() + " " + code.meaning() + (code.ordinal() < ExitCode.values().length - 1 ? "," : "");
            if (line.length() + entry.length() > FOOTER_WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(" ");
            }
            line.append(entry);
        }
        lines.add(line.toString());
        return lines.toArray(String[]::new);
    }

    /** A fully wired command line: handlers, output streams, case-insensitive enums. */
    public static CommandLine commandLine(CliContext context) {
        ErrorHandler errors = new ErrorHandler(context);
        CommandLine cmd = new CommandLine(new LabctlCommand(context));
        cmd.setOut(context.out());
        cmd.setErr(context.err());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        // `labctl -n lab spark ...`: "lab" is also a subcommand's name, and picocli would
        // otherwise refuse it as the value of an option that comes before the subcommand.
        cmd.setAllowSubcommandsAsOptionParameters(true);
        cmd.setUsageHelpWidth(110); // when the terminal's own width cannot be read
        cmd.setUsageHelpAutoWidth(true);
        cmd.setExecutionExceptionHandler(errors);
        cmd.setParameterExceptionHandler(errors);
        cmd.setExecutionStrategy(parsed -> {
            GlobalOptionScope.check(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        cmd.registerConverter(java.time.Duration.class, new DurationConverter());
        cmd.getCommandSpec().usageMessage().footer(withExitCodes(cmd.getCommandSpec().usageMessage().footer()));
        GlobalOptionScope.apply(cmd);
        ClusterUpCommand.describeProviders(cmd.getSubcommands().get("cluster").getSubcommands().get("up").getCommandSpec(),
                ClusterWiring.providers(context));
        return cmd;
    }
}
