package io.labctl.cli.spark;

import io.labctl.cli.Cli;
import io.labctl.cli.GlobalOptionUse;
import io.labctl.cli.UsesGlobalOptions;
import io.labctl.kube.KubeSession;
import io.labctl.spark.standalone.ClusterStatus;
import io.labctl.spark.standalone.SparkClusterSpec;
import io.labctl.spark.standalone.StandaloneInspector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code labctl spark status [NAME]}. */
@Command(name = "status",
        description = "Show a cluster: pods and nodes, the Service and its endpoints, the master's view (ALIVE workers, "
                + "cores, memory, apps) and the URLs. Without NAME: every cluster in the namespace.",
        footerHeading = "%nExamples:%n",
        footer = {"  labctl spark status spark-a", "  labctl spark status -A -o json"})
@UsesGlobalOptions({GlobalOptionUse.CLUSTER, GlobalOptionUse.NAMESPACE, GlobalOptionUse.RESULT})
public final class SparkStatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Cluster name.")
    String name;

    @Option(names = {"-A", "--all-namespaces"}, description = "Every namespace (without NAME).")
    boolean allNamespaces;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        if (name != null) {
            SparkClusterSpec.requireClusterName(name);
        }
        try (KubeSession session = cli.connect()) {
            StandaloneInspector inspector = new StandaloneInspector(session.client());
            if (name != null) {
                cli.print(inspector.status(session.namespace(), name), SparkTextViews::status);
            } else {
                List<ClusterStatus> all = inspector.statusAll(allNamespaces ? null : session.namespace());
                cli.print(all, SparkTextViews::statuses);
            }
        }
        return 0;
    }
}
