package io.labctl.cli.spark;

import io.labctl.cli.Cli;
import io.labctl.kube.KubeSession;
import io.labctl.spark.standalone.DeployResult;
import io.labctl.spark.standalone.SparkClusterSpec;
import io.labctl.spark.standalone.StandaloneScaler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code labctl spark scale NAME --workers N}. */
@Command(name = "scale", sortOptions = false,
        description = {"Change the number of workers (up or down) and wait until the master reports exactly that many ALIVE.",
            "Prints the plain kubectl commands that do the same."},
        footerHeading = "%nExamples:%n",
        footer = {"  labctl spark scale spark-a --workers 3", "  labctl spark scale spark-a --workers 1 -n lab"})
public final class SparkScaleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Cluster name.")
    String name;

    @Option(names = "--workers", required = true, description = "The new number of workers.")
    int workers;

    @Mixin
    WaitOptions waitOptions;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        SparkClusterSpec.requireClusterName(name);
        SparkClusterSpec.requireWorkerCount(workers);
        try (KubeSession session = cli.connect()) {
            DeployResult result = new StandaloneScaler(session.client(), cli.progress())
                    .scale(session.namespace(), name, workers, waitOptions.toDeployOptions());
            cli.print(result, SparkTextViews::scaled);
        }
        return 0;
    }
}
