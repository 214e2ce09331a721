package io.labctl.cli.spark;

import io.labctl.cli.Cli;
import io.labctl.cli.DryRun;
import io.labctl.cli.GlobalOptionUse;
import io.labctl.cli.UsesGlobalOptions;
import io.labctl.kube.KubeSession;
import io.labctl.spark.standalone.DeployResult;
import io.labctl.spark.standalone.SparkClusterSpec;
import io.labctl.spark.standalone.StandaloneScaler;
import io.labctl.spark.standalone.YamlScaler;
import io.labctl.core.LabctlException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code labctl spark scale NAME --workers N}. */
@Command(name = "scale", sortOptions = false,
        description = {"Change the number of workers (up or down) and wait until the master reports exactly that many ALIVE.",
            "Prints the plain kubectl commands that do the same."},
        footerHeading = "%nExamples:%n",
        footer = {"  labctl spark scale spark-a --workers 3", "  labctl spark scale spark-a --workers 1 -n lab",
            "  labctl spark scale spark-a --workers 3 --dry-run    # the objects it would apply, for kubectl apply -f",
            "  labctl spark scale spark-a --workers 2 --file spark-a.yaml   # edit replicas in your YAML, then apply it"})
@UsesGlobalOptions({GlobalOptionUse.CLUSTER, GlobalOptionUse.NAMESPACE, GlobalOptionUse.RESULT})
public final class SparkScaleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Cluster name.")
    String name;

    @Option(names = "--workers", paramLabel = "N", required = true, description = "The new number of workers.")
    int workers;

    @Option(names = "--file", paramLabel = "FILE",
            description = "Scale with your YAML: set replicas of NAME-worker in FILE, then apply the file (kubectl apply -f); "
                    + "a FILE that does not exist is written with the cluster's YAML first.")
    Path file;

    @Mixin
    WaitOptions waitOptions;

    @Option(names = "--dry-run", arity = DryRun.ARITY, preprocessor = DryRun.AttachedValueOnly.class, paramLabel = "client",
            description = "Print the objects scale would apply (the recorded cluster with the new count); change nothing.")
    DryRun dryRun = DryRun.none;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        SparkClusterSpec.requireClusterName(name);
        SparkClusterSpec.requireWorkerCount(workers);
        try (KubeSession session = cli.connect()) {
            if (file != null) {
                if (dryRun.on()) {
                    throw LabctlException.usage("--file and --dry-run together", "leave out --dry-run: --file shows the "
                            + "edit in the file itself; or leave out --file to print the objects");
                }
                YamlScaler.Result result = new YamlScaler(session.client(), cli.progress())
                        .scale(session.namespace(), name, workers, file, waitOptions.toDeployOptions());
                cli.print(result, SparkTextViews::scaledWithYaml);
                return 0;
            }
            StandaloneScaler scaler = new StandaloneScaler(session.client(), cli.progress());
            if (dryRun.on()) {
                SparkDryRun.printScale(cli, scaler.plan(session.namespace(), name, workers));
                return 0;
            }
            DeployResult result = scaler.scale(session.namespace(), name, workers, waitOptions.toDeployOptions());
            cli.print(result, SparkTextViews::scaled);
        }
        return 0;
    }
}
