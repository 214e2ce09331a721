package io.labctl.grading.live;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.labctl.grading.checks.Check;
import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckParams;
import io.labctl.grading.checks.GradingContext;
import io.labctl.kube.PodDiagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code service-selects-master}: every Service of the cluster that exposes the RPC port (named
 * {@code CLUSTER-master*}, or selecting its master) selects the running master pod and nothing else: not a
 * dangling selector (selects no pod: workers cannot register), not the workers, not another
 * cluster's master (two clusters would cross-register).
 */
public final class ServiceSelectsMasterCheck implements Check {
    private final String namespace;
    private final String cluster;
    private final int port;

    public ServiceSelectsMasterCheck(CheckParams params) {
        this.namespace = params.requiredString("namespace");
        this.cluster = params.requiredString("cluster");
        this.port = params.integer("port", 7077);
        params.requireNoUnknown();
    }

    @Override
    public CheckOutcome evaluate(GradingContext context) {
        LiveCluster live = LiveCluster.of(context);
        SparkClusterView view = new SparkClusterView(live, namespace, cluster);
        List<Pod> masters = view.pods("master");
        if (masters.isEmpty()) {
            return CheckOutcome.fail("no master pod of " + view.where(view.deploymentName("master")),
                    "deploy the master first");
        }
        List<Service> services = view.services().stream()
                .filter(s -> s.getMetadata().getName().startsWith(cluster + "-master")
                        || MasterServiceCheck.hasPort(s, port)
                        && SparkClusterView.selects(s, masters.get(0).getMetadata().getLabels()))
                .toList();
        if (services.isEmpty()) {
            return CheckOutcome.fail("no Service named " + cluster + "-master* or selecting its master with port " + port + "; for cluster " + cluster + "; Services: "
                    + MasterServiceCheck.names(view.services()));
        }
        // Pods shutting down (the old master of a restart) leave the Service's endpoints; they are not what it selects.
        List<Pod> all = live.memo("allpods/" + namespace,
                () -> live.client().pods().inNamespace(namespace).list().getItems()).stream()
                .filter(p -> !PodDiagnosis.isTerminating(p)).toList();
        List<String> problems = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Service svc : services) {
            List<String> selected = all.stream()
                    .filter(p -> SparkClusterView.selects(svc, p.getMetadata().getLabels()))
                    .map(p -> p.getMetadata().getName()).sorted().toList();
            Map<String, String> selector = svc.getSpec().getSelector();
            seen.add("Service " + svc.getMetadata().getName() + " selector " + selector + " -> "
                    + (selected.isEmpty() ? "no pods" : selected));
            List<String> masterNames = masters.stream().map(p -> p.getMetadata().getName()).toList();
            if (selected.isEmpty()) {
                problems.add("Service " + svc.getMetadata().getName() + " selects no pod: its selector " + selector
                        + " does not match the master pod's labels " + masters.get(0).getMetadata().getLabels());
            } else if (!masterNames.containsAll(selected) || !selected.containsAll(masterNames)) {
                problems.add("Service " + svc.getMetadata().getName() + " selects " + selected + ", the master is "
                        + masterNames + ": add the labels that tell this cluster's master apart (e.g. component: master "
                        + "and the cluster's instance label) to the selector");
            }
        }
        String observed = String.join("; ", seen);
        if (problems.isEmpty()) {
            return CheckOutcome.pass(observed);
        }
        return CheckOutcome.fail(observed, String.join("; ", problems));
    }
}
