package io.labctl.cli.spark;

import io.labctl.cli.Cli;
import io.labctl.cli.GlobalOptionUse;
import io.labctl.cli.UsesGlobalOptions;
import io.labctl.kube.KubeSession;
import io.labctl.kube.PodLogStreams;
import io.labctl.spark.access.ClusterLogs;
import io.labctl.spark.access.LogRequest;
import io.labctl.spark.standalone.SparkClusterSpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code labctl spark logs NAME [--master | --worker N | --all] [-f] [--since D] [--tail N]}. */
@Command(name = "logs", sortOptions = false,
        description = {"Show or follow the logs of the master, a worker or all pods, prefixed by pod.",
            "The master's log by default; each line starts with its pod and container like kubectl logs --prefix. With",
            "-f it keeps following, also across restarts: the pod that replaces a deleted master (or a new worker, with",
            "--all) is followed from its first line. Log lines go to stdout, the kubectl equivalent to stderr."},
        footerHeading = "%nExamples:%n",
        footer = {"  labctl spark logs spark-a                    # the master: registered workers, applications",
            "  labctl spark logs spark-a --worker 1 --tail 20",
            "  labctl spark logs spark-a --all -f --since 5m # everything from now on, until Ctrl-C",
            "",
            "Exit codes: 0 done (or the followed worker's pod ended), 130 stopped with Ctrl-C, 2 bad option or no such",
            "worker, 3 no such cluster."})
@UsesGlobalOptions({GlobalOptionUse.CLUSTER, GlobalOptionUse.NAMESPACE})
public final class SparkLogsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Cluster name.")
    String name;

    @ArgGroup(exclusive = true)
    Which which = new Which();

    static final class Which {
        @Option(names = "--master", description = "The master's log (the default).")
        boolean master;

        @Option(names = "--worker", paramLabel = "N", description = "Worker N's log, N from 1 in the order of `labctl spark status`.")
        Integer worker;

        @Option(names = "--all", description = "The master's and every worker's log.")
        boolean all;
    }

    @Option(names = {"-f", "--follow"}, description = "Keep streaming new lines (and new pods) until Ctrl-C.")
    boolean follow;

    @Option(names = "--since", paramLabel = "DURATION", description = "Only lines newer than this, e.g. 10m or 1h.")
    Duration since;

    @Option(names = "--tail", paramLabel = "N", description = "Only the last N lines of each pod (new pods: all).")
    Integer tail;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        SparkClusterSpec.requireClusterName(name);
        LogRequest.Selection selection = which.all ? LogRequest.Selection.ALL
                : which.worker != null ? LogRequest.Selection.WORKER : LogRequest.Selection.MASTER;
        LogRequest offline = new LogRequest(cli.offlineNamespace(), name, selection, which.worker == null ? 0 : which.worker,
                follow, since, tail); // bad values fail before any connection
        try (KubeSession session = cli.connect()) {
            LogRequest request = new LogRequest(session.namespace(), name, offline.selection(), offline.worker(), follow,
                    since, tail);
            ClusterLogs logs = new ClusterLogs(session.client(), cli.progress());
            ClusterLogs.Plan plan = logs.plan(request);
            cli.err().println(cli.style().dim("The same with kubectl: " + plan.kubectl()));
            cli.err().flush();
            PrintWriter out = cli.out();
            logs.run(plan, (PodLogStreams.Line line) -> {
                out.println(line.prefixed());
                if (follow) {
                    out.flush();
                }
            });
            out.flush();
        }
        return 0;
    }
}
