package io.labctl.cli.cluster;

import io.labctl.cli.Cli;
import io.labctl.cluster.ClusterView;
import io.labctl.cli.GlobalOptionUse;
import io.labctl.cli.UsesGlobalOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code labctl cluster list}. */
@Command(name = "list", description = "Every lab cluster labctl created or registered, with its provider, context and Ready nodes.",
        footerHeading = "%nExamples:%n", footer = {"  labctl cluster list", "  labctl cluster list -o wide", "  labctl cluster list -o json"})
@UsesGlobalOptions({GlobalOptionUse.LIST})
public final class ClusterListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        cli.printList(ClusterWiring.service(cli).list(), ClusterTextViews::list, ClusterTextViews::listWide, ClusterView::name);
        return 0;
    }
}
