package io.labctl.cli.spark;

import io.labctl.cli.Cli;
import io.labctl.cli.GlobalOptionUse;
import io.labctl.cli.UsesGlobalOptions;
import io.labctl.kube.KubeSession;
import io.labctl.spark.standalone.StandaloneInspector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code labctl spark list}. */
@Command(name = "list", description = "List the Spark clusters labctl deployed, with their workers as Kubernetes and Spark see them.",
        footerHeading = "%nExamples:%n", footer = {"  labctl spark list -n lab", "  labctl spark list -A -o wide",
            "  labctl spark list -n lab -o name    # one name per line, for scripts"})
@UsesGlobalOptions({GlobalOptionUse.CLUSTER, GlobalOptionUse.NAMESPACE, GlobalOptionUse.LIST})
public final class SparkListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-A", "--all-namespaces"}, description = "Every namespace.")
    boolean allNamespaces;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        try (KubeSession session = cli.connect()) {
            // -o name gives what spark status/scale/teardown take; with -A they also need -n, so NAMESPACE/NAME then.
            cli.printList(new StandaloneInspector(session.client()).list(allNamespaces ? null : session.namespace()),
                    SparkTextViews::list, SparkTextViews::listWide, r -> allNamespaces ? r.namespace() + "/" + r.name() : r.name());
        }
        return 0;
    }
}
