package io.labctl.cli.cluster;

import io.labctl.cli.Cli;
import io.labctl.cli.GlobalOptionUse;
import io.labctl.cli.UsesGlobalOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.concurrent.Callable;

/** {@code labctl cluster down NAME}. */
@Command(name = "down",
        description = {"Remove a lab cluster: its containers or VMs, its labctl-NAME context, labctl's record of it.",
            "Other clusters are never touched. An existing (not labctl-made) cluster is only forgotten.",
            "Running it twice is fine."},
        footerHeading = "%nExamples:%n",
        footer = {"  labctl cluster down lab1"})
@UsesGlobalOptions({GlobalOptionUse.RESULT})
public final class ClusterDownCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Cluster name.")
    String name;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        boolean removed = ClusterWiring.service(cli).down(name, cli.progress());
        cli.print(Map.of("name", name, "removed", removed),
                (r, s) -> removed ? s.green("Cluster " + name + " removed") + "\n" : "Cluster " + name + " did not exist; nothing to do\n");
        return 0;
    }
}
