package io.labctl.grading.live;

import io.labctl.grading.checks.Check;
import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckParams;
import io.labctl.grading.checks.GradingContext;
import io.labctl.spark.standalone.MasterStatus;

import java.util.Optional;

/**
 * {@code alive-workers}: the Spark master reports exactly {@code count} workers in state ALIVE
 * (or at least, with {@code exact: false}). Read from the master's {@code /json/} through the API
 * server's pod proxy; DEAD entries stay in {@code workers[]} long after a scale-down, so only ALIVE
 * ones count. Partial credit when fewer are alive (alive/count); none when more are, which means
 * someone else's workers registered here.
 */
public final class AliveWorkersCheck implements Check {
    private final String namespace;
    private final String cluster;
    private final int count;
    private final boolean exact;

    public AliveWorkersCheck(CheckParams params) {
        this.namespace = params.requiredString("namespace");
        this.cluster = params.requiredString("cluster");
        this.count = params.integer("count", 2);
        this.exact = params.bool("exact", true);
        params.requireNoUnknown();
    }

    @Override
    public CheckOutcome evaluate(GradingContext context) {
        SparkClusterView view = new SparkClusterView(LiveCluster.of(context), namespace, cluster);
        Optional<MasterStatus> status = view.masterStatus();
        if (status.isEmpty()) {
            return CheckOutcome.fail("the master of " + cluster + " did not answer on :8080/json/ (master pod: "
                    + view.masterPod().map(p -> p.getMetadata().getName()).orElse("none running") + ")",
                    "the Spark master is not running or its UI is not on 8080; check kubectl logs deploy/"
                            + view.deploymentName("master") + " -n " + namespace);
        }
        MasterStatus s = status.get();
        int alive = s.aliveWorkerCount();
        String observed = "master " + s.url() + " reports " + alive + " ALIVE worker(s) of " + s.workers().size()
                + " listed " + s.aliveWorkers().stream().map(MasterStatus.Worker::host).toList()
                + " (want " + (exact ? "exactly " : "at least ") + count + ")";
        if (alive > count && exact) {
            return CheckOutcome.fail(observed, "more workers registered than the " + count + " asked for: workers of "
                    + "another cluster reach this master; every selector and master URL must name this cluster only");
        }
        return CheckOutcome.parts(Math.min(alive, count), count, observed,
                "only " + alive + " ALIVE; scale the workers to " + count + " (kubectl scale deployment "
                        + view.deploymentName("worker") + " -n " + namespace + " --replicas=" + count
                        + ") and check that they reach spark://MASTER-SERVICE:7077 (kubectl logs)");
    }
}
