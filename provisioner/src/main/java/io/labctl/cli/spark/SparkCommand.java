package io.labctl.cli.spark;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code labctl spark ...}: Spark standalone clusters on Kubernetes. */
@Command(name = "spark",
        description = "Deploy, scale, use and remove Spark standalone clusters (master + workers + Service on 7077).",
        footerHeading = "%nExamples:%n",
        footer = {"  labctl spark deploy spark-a --workers 2", "  labctl spark scale spark-a --workers 3",
            "  labctl spark run spark-a pi", "  labctl spark ui spark-a", "  labctl spark teardown spark-a"},
        subcommands = {SparkDeployCommand.class, SparkScaleCommand.class, SparkRunCommand.class, SparkConnectCommand.class,
            SparkStatusCommand.class, SparkListCommand.class, SparkTeardownCommand.class, SparkSubmitCommand.class,
            SparkAppsCommand.class, SparkUiCommand.class, SparkLogsCommand.class, SparkShellCommand.class})
public final class SparkCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
