package io.labctl.grading.live;

import io.fabric8.kubernetes.api.model.Pod;
import io.labctl.grading.checks.Check;
import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckParams;
import io.labctl.grading.checks.GradingContext;
import io.labctl.spark.standalone.MasterStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code clusters-isolated}: two (or more) Spark clusters coexist in a namespace and each master has
 * only its own workers: every ALIVE worker a master reports is a pod of that cluster's worker
 * Deployment (matched by pod IP, the address workers register with), and each has at least one.
 * One part per cluster. This is the bug of selectors without an instance label: Services and
 * workers of one cluster then reach the other's master.
 */
public final class ClustersIsolatedCheck implements Check {
    private final String namespace;
    private final List<String> clusters;

    public ClustersIsolatedCheck(CheckParams params) {
        this.namespace = params.requiredString("namespace");
        this.clusters = params.strings("clusters", List.of());
        if (clusters.size() < 2) {
            throw new io.labctl.grading.checks.LabValidationException(params.where()
                    + ": params.clusters must name at least two clusters");
        }
        params.requireNoUnknown();
    }

    @Override
    public CheckOutcome evaluate(GradingContext context) {
        LiveCluster live = LiveCluster.of(context);
        Map<String, String> ownerByIp = new java.util.HashMap<>();
        for (String c : clusters) {
            for (Pod p : new SparkClusterView(live, namespace, c).pods("worker")) {
                if (p.getStatus() != null && p.getStatus().getPodIP() != null) {
                    ownerByIp.put(p.getStatus().getPodIP(), c);
                }
            }
        }
        int ok = 0;
        List<String> observed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String c : clusters) {
            SparkClusterView view = new SparkClusterView(live, namespace, c);
            Optional<MasterStatus> status = view.masterStatus();
            if (status.isEmpty()) {
                observed.add(c + ": master not answering");
                problems.add("cluster " + c + " has no answering master");
                continue;
            }
            Map<String, Long> byOwner = status.get().aliveWorkers().stream()
                    .collect(Collectors.groupingBy(w -> ownerByIp.getOrDefault(w.host(), "unknown " + w.host()),
                            java.util.TreeMap::new, Collectors.counting()));
            observed.add(c + ": ALIVE workers by cluster " + byOwner);
            boolean own = !byOwner.isEmpty() && byOwner.keySet().stream().allMatch(c::equals);
            if (own) {
                ok++;
            } else if (byOwner.isEmpty()) {
                problems.add("cluster " + c + " has no ALIVE worker");
            } else {
                problems.add("master of " + c + " has workers of " + byOwner.keySet().stream().filter(owner -> !owner.equals(c)).toList());
            }
        }
        return CheckOutcome.parts(ok, clusters.size(), String.join("; ", observed), problems.isEmpty() ? null
                : String.join("; ", problems) + ": give each cluster its own names and an instance label in every "
                + "selector, and point each cluster's workers at its own master Service");
    }
}
