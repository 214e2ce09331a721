package io.labctl.cli.spark;

import io.labctl.cli.Cli;
import io.labctl.cli.GlobalOptionUse;
import io.labctl.cli.UsesGlobalOptions;
import io.labctl.cli.Style;
import io.labctl.cluster.ClusterRegistry;
import io.labctl.cluster.minikube.MinikubeProfile;
import io.labctl.core.LabctlException;
import io.labctl.kube.KubeSession;
import io.labctl.spark.access.AccessKubectl;
import io.labctl.spark.access.LocalPort;
import io.labctl.spark.access.SparkUi;
import io.labctl.spark.access.UiTarget;
import io.labctl.spark.standalone.SparkClusterSpec;
import io.labctl.spark.standalone.SparkPorts;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code labctl spark ui NAME [--app | --worker N] [--port LOCAL]}. */
@Command(name = "ui", sortOptions = false,
        description = {"Open a Spark web UI here (master 8080, worker 8081, running app 4040) until Ctrl-C.",
            "The UI is forwarded to a local port through the API server, like kubectl port-forward; labctl prints the",
            "URL and keeps forwarding until Ctrl-C. A restarted master is forwarded again on the same port; a worker's",
            "or an application's forward ends with its pod."},
        footerHeading = "%nExamples:%n",
        footer = {"  labctl spark ui spark-a                 # http://localhost:8080: does the dashboard show all workers?",
            "  labctl spark ui spark-a --worker 2      # worker 2's UI (the master's links point at pod IPs)",
            "  labctl spark ui spark-a --app           # the UI of a running `spark run` job or `spark shell`",
            "  labctl spark ui spark-a --port 0        # any free local port",
            "",
            "Exit codes: 130 stopped with Ctrl-C, 0 the forwarded worker or driver pod ended (or nothing to forward),",
            "2 the local port is in use / no such worker, 3 no such cluster, 6 a restarted master did not come back,",
            "7 no master pod runs / no application runs."})
@UsesGlobalOptions({GlobalOptionUse.CLUSTER, GlobalOptionUse.NAMESPACE, GlobalOptionUse.RESULT})
public final class SparkUiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Cluster name.")
    String name;

    @ArgGroup(exclusive = true)
    Which which = new Which();

    static final class Which {
        @Option(names = "--app", description = "A running application's UI (port 4040 of its driver).")
        boolean app;

        @Option(names = "--worker", paramLabel = "N",
                description = "Worker N's UI (port 8081), N from 1 in the order of `labctl spark status`.")
        Integer worker;
    }

    @Option(names = "--port", paramLabel = "LOCAL",
            description = "Local port (default: the UI's own, 8080/8081/4040; 0: any free port).")
    Integer port;

    /** What was opened, for people and for -o json|yaml. */
    record Shown(String cluster, String namespace, String ui, String pod, Integer podPort, boolean forwarded,
                 Integer localPort, String url, List<String> notes, List<String> kubectlEquivalent) {
    }

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        SparkClusterSpec.requireClusterName(name);
        SparkUi.Kind kind = which.app ? SparkUi.Kind.APP : which.worker != null ? SparkUi.Kind.WORKER : SparkUi.Kind.MASTER;
        int local = port != null ? port : switch (kind) {
            case MASTER -> SparkPorts.MASTER_UI_PORT;
            case WORKER -> SparkPorts.WORKER_UI_PORT;
            case APP -> SparkUi.DRIVER_UI_PORT;
        };
        LocalPort.requireFree(local, "labctl spark ui " + name); // before anything talks to the cluster
        try (KubeSession session = cli.connect()) {
            SparkUi ui = new SparkUi(session.client(), cli.progress());
            UiTarget target = ui.target(session.namespace(), name, kind, which.worker == null ? 0 : which.worker);
            if (!target.forwarded()) {
                cli.print(new Shown(name, session.namespace(), target.what(), null, target.podPort(), false, null,
                        target.directUrl(), target.notes(), List.of()), SparkUiCommand::text);
                return 0;
            }
            Optional<String> minikube = minikubeProfile(cli);
            ui.forward(target, local, open -> cli.print(new Shown(name, session.namespace(), target.what(), target.pod(),
                    target.podPort(), true, open, "http://localhost:" + open, target.notes(),
                    AccessKubectl.ui(target, open, minikube)), SparkUiCommand::text));
            return 0;
        }
    }

    /** The minikube profile of the context in use, to print `minikube service`; empty when unknown or not minikube. */
    private static Optional<String> minikubeProfile(Cli cli) {
        try {
            return MinikubeProfile.of(cli.connector().loadConfig(cli.target()).getCurrentContext(),
                    ClusterRegistry.fromEnvironment(cli.env()).list());
        } catch (LabctlException e) {
            return Optional.empty(); // an unreadable registry must not stop the UI
        }
    }

    static String text(Shown shown, Style s) {
        StringBuilder out = new StringBuilder();
        if (!shown.forwarded()) {
            out.append("Nothing to forward: ").append(shown.ui()).append('\n');
            shown.notes().forEach(n -> out.append("  ").append(n).append('\n'));
            out.append("Its UI: ").append(s.bold(shown.url())).append(" on the machine that runs its driver\n");
            return out.toString();
        }
        out.append("Spark ").append(shown.ui()).append(" UI of ").append(shown.cluster()).append(": ")
                .append(s.bold(shown.url())).append('\n');
        out.append("  forwarded to pod ").append(shown.pod()).append(" port ").append(shown.podPort())
                .append(" through the API server; press Ctrl-C to stop\n");
        shown.notes().forEach(n -> out.append("  ").append(n).append('\n'));
        out.append(s.dim("The same with kubectl:")).append('\n');
        shown.kubectlEquivalent().forEach(c -> out.append("  ").append(c).append('\n'));
        return out.toString();
    }
}
