package io.labctl.cli.spark;

import io.labctl.cli.Cli;
import io.labctl.cli.DryRun;
import io.labctl.cli.GlobalOptionUse;
import io.labctl.cli.UsesGlobalOptions;
import io.labctl.kube.KubeSession;
import io.labctl.spark.standalone.SparkClusterSpec;
import io.labctl.spark.standalone.StandaloneClusters;
import io.labctl.spark.standalone.StandaloneTeardown;
import io.labctl.spark.standalone.TeardownResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code labctl spark teardown NAME | --all}. */
@Command(name = "teardown",
        description = {"Remove exactly one cluster's objects (found by its labels) and wait until they are gone.",
            "Other clusters are never touched; a namespace goes (with the cluster) only if labctl created it and "
                    + "nothing else lives in it.",
            "Running it twice is fine."},
        footerHeading = "%nExamples:%n",
        footer = {"  labctl spark teardown spark-a", "  labctl spark teardown --all -n lab",
            "  labctl spark teardown spark-a --keep-data    # the PVCs (and their files) stay",
            "  labctl spark teardown spark-a --dry-run      # what would be deleted, and whether the namespace goes"})
@UsesGlobalOptions({GlobalOptionUse.CLUSTER, GlobalOptionUse.NAMESPACE, GlobalOptionUse.RESULT})
public final class SparkTeardownCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Which clusters: one by name, or all of them (in the namespace, or with -A in every namespace). */
    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    static final class Which {
        @Parameters(index = "0", paramLabel = "NAME", description = "Cluster name.")
        String name;

        @ArgGroup(exclusive = false)
        All all;
    }

    static final class All {
        @Option(names = "--all", required = true, description = "Every labctl Spark cluster in the namespace.")
        boolean all;

        @Option(names = {"-A", "--all-namespaces"}, description = "With --all: in every namespace.")
        boolean allNamespaces;
    }

    @Option(names = "--keep-data", description = "Keep the cluster's PersistentVolumeClaims (--volume NAME=pvc:SIZE) and their data.")
    boolean keepData;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "3m",
            description = "How long to wait for the objects to disappear (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--dry-run", arity = DryRun.ARITY, preprocessor = DryRun.AttachedValueOnly.class, paramLabel = "client",
            description = "Print what teardown would delete and keep (the namespace too); change nothing.")
    DryRun dryRun = DryRun.none;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        String name = which.name;
        boolean allNamespaces = which.all != null && which.all.allNamespaces;
        if (name != null) {
            SparkClusterSpec.requireClusterName(name);
        }
        try (KubeSession session = cli.connect()) {
            StandaloneTeardown teardown = new StandaloneTeardown(session.client(), cli.progress());
            List<StandaloneClusters.ClusterRef> targets = name != null
                    ? List.of(new StandaloneClusters.ClusterRef(session.namespace(), name))
                    : new StandaloneClusters(session.client()).list(allNamespaces ? null : session.namespace());
            List<TeardownResult> results = new ArrayList<>();
            for (StandaloneClusters.ClusterRef ref : targets) {
                results.add(dryRun.on() ? teardown.plan(ref.namespace(), ref.name(), keepData).expectedResult()
                        : teardown.teardown(ref.namespace(), ref.name(), timeout, keepData));
            }
            if (dryRun.on()) {
                cli.progress().note("dry run: nothing was changed");
                cli.print(results, SparkTextViews::wouldTearDown);
            } else {
                cli.print(results, SparkTextViews::tornDown);
            }
        }
        return 0;
    }
}
