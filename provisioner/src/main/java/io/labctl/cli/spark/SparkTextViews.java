package io.labctl.cli.spark;

import io.labctl.cli.Style;
import io.labctl.spark.standalone.AppliedObject;
import io.labctl.spark.standalone.ClusterEndpoints;
import io.labctl.spark.standalone.ClusterStatus;
import io.labctl.spark.standalone.DeployResult;
import io.labctl.spark.standalone.JobResult;
import io.labctl.spark.standalone.MasterStatus;
import io.labctl.spark.standalone.TeardownResult;

import java.util.List;
import java.util.Locale;

/** How the spark commands' results read in a terminal (-o text). JSON/YAML come from the records. */
final class SparkTextViews {
    private SparkTextViews() {
    }

    static String deployed(DeployResult r, Style s) {
        StringBuilder out = new StringBuilder();
        String state = r.readiness() == null ? "applied (not waited for)"
                : r.readiness().aliveWorkers() != null
                ? "ready: master ALIVE with " + r.readiness().aliveWorkers() + " ALIVE workers"
                : "ready: " + r.readiness().summary();
        out.append(s.green("Spark cluster " + r.name())).append(" in namespace ").append(r.namespace()).append(" is ")
                .append(state).append('\n');
        for (AppliedObject o : r.objects()) {
            out.append("  ").append(o).append('\n');
        }
        appendEndpoints(out, r.endpoints(), s);
        appendKubectl(out, r.kubectlEquivalent(), s);
        return out.toString();
    }

    static String scaled(DeployResult r, Style s) {
        return deployed(r, s);
    }

    static String scaledWithYaml(io.labctl.spark.standalone.YamlScaler.Result r, Style s) {
        StringBuilder out = new StringBuilder();
        out.append(s.bold("Scaled " + r.name() + " to " + r.workers() + " workers with " + r.file())).append('\n');
        out.append(r.created() ? "  " + r.file() + " did not exist: it now holds the cluster's YAML (replicas: "
                + r.workers() + ")\n" : "  " + r.file() + ":" + r.line() + ": replicas: " + r.workers() + "\n");
        out.append("  applied: ").append(String.join(", ", r.applied())).append('\n');
        if (r.readiness() != null) {
            out.append("  ").append(r.readiness().summary()).append('\n');
        }
        out.append("The kubectl way:\n");
        r.kubectlEquivalent().forEach(k -> out.append("  ").append(k).append('\n'));
        return out.toString();
    }

    static String ran(JobResult r, Style s) {
        StringBuilder out = new StringBuilder();
        String verdict = r.succeeded() ? s.green("Job succeeded") : s.red("Job failed");
        out.append(verdict).append(" on ").append(r.cluster()).append(" in ").append(r.seconds()).append("s: driver exit code ")
                .append(r.exitCode()).append(", application ").append(r.appId() == null ? "(never registered)" : r.appId())
                .append(' ').append(r.appState() == null ? "(state unknown)" : r.appState()).append('\n');
        if (r.piEstimate() != null) {
            out.append("  Pi is roughly ").append(r.piEstimate()).append('\n');
        }
        if (r.podKept()) {
            out.append("  logs: kubectl logs -n ").append(r.namespace()).append(' ').append(r.pod()).append('\n');
        }
        return out.toString();
    }

    static String status(ClusterStatus c, Style s) {
        StringBuilder out = new StringBuilder();
        out.append(s.bold("Spark cluster " + c.name())).append(" (namespace ").append(c.namespace()).append(")\n");
        out.append("  Deployments: master ").append(c.master().ready()).append('/').append(c.master().desired())
                .append(" ready, workers ").append(c.workers().ready()).append('/').append(c.workers().desired())
                .append(" ready\n");
        out.append("  Pods:\n");
        for (ClusterStatus.PodLine p : c.pods()) {
            out.append(String.format(Locale.ROOT, "    %-40s %-7s %-6s %-16s %s%n", p.name(), p.component(),
                    p.ready() ? s.green("Ready") : s.yellow("-"), p.ip() == null ? "-" : p.ip(),
                    (p.node() == null ? "(unscheduled)" : "on " + p.node()) + (p.ready() ? "" : ": " + p.state())));
        }
        if (c.service() == null) {
            out.append("  Service: ").append(s.red("missing")).append('\n');
        } else {
            out.append("  Service ").append(c.service().name()).append(": ").append(c.service().type()).append(' ')
                    .append(c.service().clusterIp()).append(", ports ").append(String.join(", ", c.service().ports()))
                    .append(", ready endpoints ").append(c.service().readyEndpoints()).append('\n');
        }
        if (c.spark() == null) {
            out.append("  Spark master: ").append(s.yellow("not answering")).append('\n');
        } else {
            ClusterStatus.SparkSummary sp = c.spark();
            out.append("  Spark master ").append(sp.status()).append(": ").append(sp.aliveWorkers()).append(" ALIVE workers")
                    .append(sp.deadWorkers() > 0 ? " (+" + sp.deadWorkers() + " DEAD, kept by the master)" : "")
                    .append(", cores ").append(sp.coresUsed()).append('/').append(sp.cores())
                    .append(" used, memory ").append(sp.memoryUsedMb()).append('/').append(sp.memoryMb()).append(" MB used\n");
            out.append("  Applications: ").append(sp.activeApps().size()).append(" running, ")
                    .append(sp.completedApps().size()).append(" completed\n");
            for (MasterStatus.App app : sp.completedApps()) {
                out.append("    ").append(app.id()).append(' ').append(app.name()).append(' ').append(app.state()).append('\n');
            }
        }
        appendEndpoints(out, c.endpoints(), s);
        appendKubectl(out, c.kubectlEquivalent(), s);
        return out.toString();
    }

    static String statuses(List<ClusterStatus> all, Style s) {
        if (all.isEmpty()) {
            return "No Spark clusters deployed by labctl here. Create one with `labctl spark deploy NAME`.\n";
        }
        StringBuilder out = new StringBuilder();
        for (ClusterStatus c : all) {
            out.append(status(c, s)).append('\n');
        }
        return out.toString();
    }

    static String list(List<ClusterStatus.Summary> rows, Style s) {
        if (rows.isEmpty()) {
            return "No Spark clusters deployed by labctl here. Create one with `labctl spark deploy NAME`.\n";
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-20s %-24s %-14s %-13s %s%n",
                "NAMESPACE", "NAME", "WORKER PODS", "SPARK ALIVE", "MASTER"));
        for (ClusterStatus.Summary r : rows) {
            out.append(String.format(Locale.ROOT, "%-20s %-24s %-14s %-13s %s%n", r.namespace(), r.name(),
                    r.workersReady() + "/" + r.workersDesired(), r.aliveWorkers() == null ? "?" : r.aliveWorkers().toString(),
                    r.masterUrl()));
        }
        return out.toString();
    }

    /** {@code spark list -o wide}: the list plus the image and the age, as kubectl's wide adds columns. */
    static String listWide(List<ClusterStatus.Summary> rows, Style s) {
        if (rows.isEmpty()) {
            return list(rows, s);
        }
        String format = "%-20s %-24s %-14s %-13s %-56s %-36s %s%n";
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, format,
                "NAMESPACE", "NAME", "WORKER PODS", "SPARK ALIVE", "MASTER", "IMAGE", "AGE"));
        java.time.Instant now = java.time.Instant.now();
        for (ClusterStatus.Summary r : rows) {
            out.append(String.format(Locale.ROOT, format, r.namespace(), r.name(), r.workersReady() + "/" + r.workersDesired(),
                    r.aliveWorkers() == null ? "?" : r.aliveWorkers().toString(), r.masterUrl(),
                    r.image() == null ? "-" : r.image(), io.labctl.cli.Ages.since(r.created(), now)));
        }
        return out.toString();
    }

    static String tornDown(List<TeardownResult> results, Style s) {
        return teardown(results, s, false);
    }

    /** {@code teardown --dry-run}: the same lines in the conditional. */
    static String wouldTearDown(List<TeardownResult> results, Style s) {
        return teardown(results, s, true);
    }

    private static String teardown(List<TeardownResult> results, Style s, boolean dryRun) {
        if (results.isEmpty()) {
            return "No Spark clusters to remove.\n";
        }
        StringBuilder out = new StringBuilder();
        for (TeardownResult r : results) {
            if (r.deleted().isEmpty()) {
                out.append("Nothing to remove: no Spark cluster ").append(r.name()).append(" in namespace ")
                        .append(r.namespace()).append('\n');
                continue;
            }
            out.append(dryRun ? "Would remove Spark cluster " + r.name() : s.green("Removed Spark cluster " + r.name()))
                    .append(" from namespace ").append(r.namespace()).append(dryRun ? " (dry run)\n" : "\n");
            r.deleted().forEach(d -> out.append("  ").append(d).append(dryRun ? " would be deleted\n" : " deleted\n"));
            r.kept().forEach(k -> out.append("  ").append(dryRun ? k + " would be kept (--keep-data)"
                    : s.yellow(k + " KEPT (--keep-data): delete it with `kubectl delete " + k + " -n " + r.namespace() + "`"))
                    .append('\n'));
            if (r.namespaceDeleted()) {
                out.append("  namespace ").append(r.namespace()).append(dryRun ? " would be deleted (labctl created it and "
                        + "nothing else lives in it)\n" : " deleted (labctl created it)\n");
            } else {
                out.append("  namespace ").append(r.namespace()).append(dryRun ? " would stay: " : " kept: ")
                        .append(r.namespaceKeptBecause()).append('\n');
            }
            appendKubectl(out, r.kubectlEquivalent(), s);
        }
        return out.toString();
    }

    private static void appendEndpoints(StringBuilder out, ClusterEndpoints e, Style s) {
        out.append("Reach the master:\n");
        out.append("  from pods:      ").append(e.inCluster()).append('\n');
        if (e.fromHost().isEmpty()) {
            out.append("  from this host: ").append(e.nodePort() == null ? "not exposed (--expose none); "
                    : "NodePort " + e.nodePort() + " on any node; ").append("or ").append(e.rpcPortForward())
                    .append(", then spark://localhost:7077\n");
        } else {
            out.append("  from this host: ").append(String.join("  or  ", e.fromHost()))
                    .append("   (NodePort ").append(e.nodePort()).append("; on minikube use `minikube service --url`)\n");
        }
        out.append("  web UI:         ").append(e.uiFromHost()).append('\n');
    }

    private static void appendKubectl(StringBuilder out, List<String> commands, Style s) {
        if (commands == null || commands.isEmpty()) {
            return;
        }
        out.append(s.dim("The same with kubectl:")).append('\n');
        commands.forEach(c -> out.append("  ").append(c).append('\n'));
    }
}
