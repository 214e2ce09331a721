package io.labctl.grading.live;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.labctl.grading.checks.Check;
import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckParams;
import io.labctl.grading.checks.GradingContext;

import java.util.Optional;

/**
 * {@code deployment-ready}: Deployment {@code CLUSTER-ROLE} exists, asks for {@code replicas} pods
 * (exactly, or at least with {@code exact: false}) and has that many Ready. Partial credit: half for
 * the right spec, half for the Ready pods.
 */
public final class DeploymentReadyCheck implements Check {
    private final String namespace;
    private final String cluster;
    private final String role;
    private final int replicas;
    private final boolean exact;

    public DeploymentReadyCheck(CheckParams params) {
        this.namespace = params.requiredString("namespace");
        this.cluster = params.requiredString("cluster");
        this.role = params.requiredString("role");
        this.replicas = params.integer("replicas", 1);
        this.exact = params.bool("exact", true);
        params.requireNoUnknown();
    }

    @Override
    public CheckOutcome evaluate(GradingContext context) {
        SparkClusterView view = new SparkClusterView(LiveCluster.of(context), namespace, cluster);
        String name = view.deploymentName(role);
        Optional<Deployment> found = view.deployment(role);
        if (found.isEmpty()) {
            return CheckOutcome.fail("no Deployment " + view.where(name),
                    "create the " + role + " Deployment named " + name + " in namespace " + namespace
                            + " (kubectl apply -f YOUR-" + role.toUpperCase(java.util.Locale.ROOT) + ".yaml -n " + namespace + ")");
        }
        Deployment d = found.get();
        int desired = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        int ready = d.getStatus() == null || d.getStatus().getReadyReplicas() == null ? 0 : d.getStatus().getReadyReplicas();
        boolean specOk = exact ? desired == replicas : desired >= replicas;
        boolean readyOk = exact ? ready == replicas : ready >= replicas;
        String want = (exact ? "exactly " : "at least ") + replicas;
        String observed = view.where(name) + ": " + desired + " desired, " + ready + " Ready (want " + want + "); pods: "
                + LiveQueries.describePods(view.pods(role));
        String hint = !specOk
                ? "set the " + role + " replicas to " + replicas + ": kubectl scale deployment " + name + " -n " + namespace
                  + " --replicas=" + replicas + " (or edit replicas in the YAML and kubectl apply it)"
                : "the pods are not Ready; see why with kubectl describe pod -n " + namespace + " and kubectl logs";
        return CheckOutcome.parts((specOk ? 1 : 0) + (readyOk ? 1 : 0), 2, observed, hint);
    }
}
