package io.labctl.cli.cluster;

import io.labctl.cli.Cli;
import io.labctl.cli.GlobalOptionUse;
import io.labctl.cli.UsesGlobalOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code labctl cluster status NAME}. */
@Command(name = "status",
        description = "A cluster's machines (as its provider sees them), its nodes (as Kubernetes sees them) and how to reach it.",
        footerHeading = "%nExamples:%n",
        footer = {"  labctl cluster status lab1", "  labctl cluster status lab1 -o json"})
@UsesGlobalOptions({GlobalOptionUse.RESULT})
public final class ClusterStatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Cluster name.")
    String name;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        cli.print(ClusterWiring.service(cli).status(name), ClusterTextViews::cluster);
        return 0;
    }
}
