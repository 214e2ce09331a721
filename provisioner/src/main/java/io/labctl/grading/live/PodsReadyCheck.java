package io.labctl.grading.live;

import io.fabric8.kubernetes.api.model.Pod;
import io.labctl.grading.checks.Check;
import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckParams;
import io.labctl.grading.checks.GradingContext;
import io.labctl.kube.PodDiagnosis;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code pods-ready}: every pod of the master and worker Deployments is Ready, and there is at least
 * one of each. One part per pod; the observation says why a pod is not Ready in plain words.
 */
public final class PodsReadyCheck implements Check {
    private final String namespace;
    private final String cluster;

    public PodsReadyCheck(CheckParams params) {
        this.namespace = params.requiredString("namespace");
        this.cluster = params.requiredString("cluster");
        params.requireNoUnknown();
    }

    @Override
    public CheckOutcome evaluate(GradingContext context) {
        SparkClusterView view = new SparkClusterView(LiveCluster.of(context), namespace, cluster);
        List<Pod> pods = new ArrayList<>(view.pods("master"));
        pods.addAll(view.pods("worker"));
        if (view.pods("master").isEmpty() || view.pods("worker").isEmpty()) {
            return CheckOutcome.fail("master pods: " + LiveQueries.describePods(view.pods("master")) + "; worker pods: "
                    + LiveQueries.describePods(view.pods("worker")), "deploy the master and the workers first");
        }
        int ready = (int) pods.stream().filter(PodDiagnosis::isReady).count();
        return CheckOutcome.parts(ready, pods.size(), LiveQueries.describePods(pods),
                "a pod is not Ready: kubectl describe pod POD -n " + namespace + " shows why (image missing, "
                        + "Insufficient cpu/memory, crash: then kubectl logs POD)");
    }
}
