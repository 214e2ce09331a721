package io.labctl.cli.spark;

import io.labctl.cli.Cli;
import io.labctl.kube.KubeSession;
import io.labctl.spark.standalone.StandaloneInspector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code labctl spark list}. */
@Command(name = "list", description = "List the Spark clusters labctl deployed, with their workers as Kubernetes and Spark see them.",
        footerHeading = "%nExamples:%n", footer = {"  labctl spark list -n lab", "  labctl spark list -A -o json"})
public final class SparkListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-A", "--all-namespaces"}, description = "Every namespace.")
    boolean allNamespaces;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        try (KubeSession session = cli.connect()) {
            cli.print(new StandaloneInspector(session.client()).list(allNamespaces ? null : session.namespace()),
                    SparkTextViews::list);
        }
        return 0;
    }
}
