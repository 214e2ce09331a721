package io.labctl.cli.spark;

import io.labctl.cli.Cli;
import io.labctl.cli.GlobalOptionUse;
import io.labctl.cli.UsesGlobalOptions;
import io.labctl.cli.Style;
import io.labctl.kube.KubeSession;
import io.labctl.spark.nativemode.SparkApps;
import io.labctl.spark.nativemode.SubmissionId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code labctl spark apps list|status|kill|logs}: native applications by submission id (namespace:driver-pod). */
@Command(name = "apps",
        description = "Native-mode applications by submission id NAMESPACE:DRIVER-POD (globs allowed, e.g. 'lab:spark-pi-*').",
        footerHeading = "%nExamples:%n",
        footer = {"  labctl spark apps list -n lab", "  labctl spark apps logs lab:spark-pi-driver",
            "  labctl spark apps kill 'lab:spark-pi-*'"},
        subcommands = {SparkAppsCommand.List.class, SparkAppsCommand.Status.class, SparkAppsCommand.Kill.class,
            SparkAppsCommand.Logs.class})
public final class SparkAppsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    static String table(java.util.List<SparkApps.App> apps, Style s) {
        if (apps.isEmpty()) {
            return "No native Spark applications.\n";
        }
        StringBuilder out = new StringBuilder(String.format("%-44s %-12s %-10s %-10s %s%n", "SUBMISSION ID", "NAME", "DRIVER",
                "EXECUTORS", "APP ID"));
        for (SparkApps.App a : apps) {
            out.append(String.format("%-44s %-12s %-10s %-10d %s%n", a.submissionId(), a.name(), a.phase(), a.executors(), a.appId()));
        }
        return out.toString();
    }

    /** {@code -o wide}: plus the driver's node and start time. */
    static String wideTable(java.util.List<SparkApps.App> apps, Style s) {
        if (apps.isEmpty()) {
            return table(apps, s);
        }
        String format = "%-44s %-12s %-10s %-10s %-26s %-20s %s%n";
        StringBuilder out = new StringBuilder(String.format(format, "SUBMISSION ID", "NAME", "DRIVER", "EXECUTORS", "APP ID",
                "NODE", "AGE"));
        java.time.Instant now = java.time.Instant.now();
        for (SparkApps.App a : apps) {
            out.append(String.format(format, a.submissionId(), a.name(), a.phase(), a.executors(), a.appId(),
                    a.node() == null ? "-" : a.node(), io.labctl.cli.Ages.since(a.started(), now)));
        }
        return out.toString();
    }

    @Command(name = "list", description = "Native applications in the namespace (all namespaces with -A).",
            footerHeading = "%nExamples:%n", footer = {"  labctl spark apps list -n lab", "  labctl spark apps list -A -o wide",
                "  labctl spark apps list -A -o name   # submission ids, for apps status/logs/kill"})
    @UsesGlobalOptions({GlobalOptionUse.CLUSTER, GlobalOptionUse.NAMESPACE, GlobalOptionUse.LIST})
    static final class List implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = {"-A", "--all-namespaces"}, description = "Every namespace.")
        boolean all;

        @Override
        public Integer call() {
            Cli cli = Cli.of(spec);
            try (KubeSession session = cli.connect()) {
                cli.printList(new SparkApps(session.client()).list(all ? null : session.namespace()), SparkAppsCommand::table,
                        SparkAppsCommand::wideTable, SparkApps.App::submissionId);
            }
            return 0;
        }
    }

    @Command(name = "status", description = "The driver's state and the executors of matching applications.",
            footerHeading = "%nExamples:%n", footer = {"  labctl spark apps status lab:spark-pi-driver", "  labctl spark apps status 'spark-pi-*'   # every namespace"})
    @UsesGlobalOptions({GlobalOptionUse.CLUSTER, GlobalOptionUse.NAMESPACE, GlobalOptionUse.RESULT})
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "NAMESPACE:DRIVER-POD or a glob; without NAMESPACE: every namespace.")
        String id;

        @Override
        public Integer call() {
            Cli cli = Cli.of(spec);
            SubmissionId submission = SubmissionId.parse(id);
            try (KubeSession session = cli.connect()) {
                cli.print(new SparkApps(session.client()).status(submission), SparkAppsCommand::table);
            }
            return 0;
        }
    }

    @Command(name = "kill", description = "Stop matching applications: delete their driver pods (executors go with them).",
            footerHeading = "%nExamples:%n", footer = {"  labctl spark apps kill 'lab:spark-pi-*'",
                "  kubectl delete pod -n lab spark-pi-driver --grace-period=5   # the same by hand"})
    @UsesGlobalOptions({GlobalOptionUse.CLUSTER, GlobalOptionUse.NAMESPACE, GlobalOptionUse.RESULT})
    static final class Kill implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "NAMESPACE:DRIVER-POD or a glob.")
        String id;

        @Option(names = "--grace-period", paramLabel = "SECONDS", defaultValue = "5",
                description = "Seconds the driver gets to stop (Spark's spark.kubernetes.appKillPodDeletionGracePeriod; default: ${DEFAULT-VALUE}).")
        long grace;

        @Override
        public Integer call() {
            Cli cli = Cli.of(spec);
            SubmissionId submission = SubmissionId.parse(id);
            try (KubeSession session = cli.connect()) {
                java.util.List<SparkApps.App> killed = new SparkApps(session.client()).kill(submission, grace, true);
                cli.print(killed, (apps, s) -> "Killed " + apps.size() + " application(s): "
                        + String.join(", ", apps.stream().map(SparkApps.App::submissionId).toList()) + "\n");
            }
            return 0;
        }
    }

    @Command(name = "logs", description = "The driver's log of one application.",
            footerHeading = "%nExamples:%n", footer = {"  labctl spark apps logs lab:spark-pi-driver"})
    @UsesGlobalOptions({GlobalOptionUse.CLUSTER, GlobalOptionUse.NAMESPACE})
    static final class Logs implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "NAMESPACE:DRIVER-POD.")
        String id;

        @Override
        public Integer call() {
            Cli cli = Cli.of(spec);
            try (KubeSession session = cli.connect()) {
                cli.out().print(new SparkApps(session.client()).logs(SubmissionId.parse(id)));
                cli.out().flush();
            }
            return 0;
        }
    }
}
