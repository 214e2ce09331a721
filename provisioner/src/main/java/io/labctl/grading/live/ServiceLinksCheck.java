package io.labctl.grading.live;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.labctl.grading.ServiceLinkVariables;
import io.labctl.grading.checks.Check;
import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckParams;
import io.labctl.grading.checks.GradingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code service-links}: no Service in the namespace injects a variable Spark reads as a port
 * ({@code SPARK_MASTER_PORT=tcp://...} from a Service named spark-master) into the cluster's pods,
 * unless those pods opt out ({@code enableServiceLinks: false}) or set the variable themselves
 * (explicit env wins over service links). Judged on the pod templates: what every restart will see.
 */
public final class ServiceLinksCheck implements Check {
    private final String namespace;
    private final String cluster;

    public ServiceLinksCheck(CheckParams params) {
        this.namespace = params.requiredString("namespace");
        this.cluster = params.requiredString("cluster");
        params.requireNoUnknown();
    }

    @Override
    public CheckOutcome evaluate(GradingContext context) {
        SparkClusterView view = new SparkClusterView(LiveCluster.of(context), namespace, cluster);
        List<String> problems = new ArrayList<>();
        String hint = null;
        for (Service svc : view.services()) {
            String name = svc.getMetadata().getName();
            Optional<String> variable = ServiceLinkVariables.breaksSpark(name);
            if (variable.isEmpty()) {
                continue;
            }
            for (String role : List.of("master", "worker")) {
                Optional<Deployment> d = view.deployment(role);
                if (d.isPresent() && exposed(d.get().getSpec().getTemplate().getSpec(), variable.get())) {
                    problems.add("Service " + name + " injects " + variable.get() + " into the pods of "
                            + d.get().getMetadata().getName());
                    hint = ServiceLinkVariables.hint(name, variable.get() + "=tcp://IP:PORT");
                }
            }
        }
        if (problems.isEmpty()) {
            return CheckOutcome.pass("no Service of " + namespace + " injects a variable Spark reads ("
                    + String.join(", ", new java.util.TreeSet<>(ServiceLinkVariables.READ_BY_SPARK)) + ") into the pods of "
                    + cluster);
        }
        return CheckOutcome.fail(String.join("; ", problems), hint);
    }

    private static boolean exposed(PodSpec pod, String variable) {
        if (Boolean.FALSE.equals(pod.getEnableServiceLinks())) {
            return false;
        }
        return pod.getContainers().stream().anyMatch(c -> c.getEnv() == null
                || c.getEnv().stream().noneMatch(e -> variable.equals(e.getName())));
    }
}
