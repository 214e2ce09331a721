package io.labctl.grading.live;

import io.labctl.grading.checks.Check;
import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckParams;
import io.labctl.grading.checks.GradingContext;
import io.labctl.spark.standalone.MasterStatus;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Optional;

/**
 * {@code app-finished}: the master lists a completed application in state FINISHED (optionally with
 * a name matching the glob {@code name}, e.g. "Spark Pi" or "*Pi*"). FAILED or KILLED apps are
 * shown in the observation.
 */
public final class AppFinishedCheck implements Check {
    private final String namespace;
    private final String cluster;
    private final String name;

    public AppFinishedCheck(CheckParams params) {
        this.namespace = params.requiredString("namespace");
        this.cluster = params.requiredString("cluster");
        this.name = params.string("name", "*");
        params.requireNoUnknown();
    }

    @Override
    public CheckOutcome evaluate(GradingContext context) {
        SparkClusterView view = new SparkClusterView(LiveCluster.of(context), namespace, cluster);
        Optional<MasterStatus> status = view.masterStatus();
        if (status.isEmpty()) {
            return CheckOutcome.fail("the master of " + cluster + " did not answer on :8080/json/");
        }
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + name);
        List<MasterStatus.App> apps = status.get().completedapps();
        boolean finished = apps.stream().anyMatch(a -> "FINISHED".equals(a.state()) && a.name() != null
                && glob.matches(Path.of(a.name().replace('/', '_'))));
        String observed = "completed apps: " + (apps.isEmpty() ? "none"
                : apps.stream().map(a -> a.name() + " " + a.state()).toList()) + "; running: "
                + status.get().activeapps().stream().map(MasterStatus.App::name).toList();
        return finished ? CheckOutcome.pass(observed) : CheckOutcome.fail(observed);
    }
}
