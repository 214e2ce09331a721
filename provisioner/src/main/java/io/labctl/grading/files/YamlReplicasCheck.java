package io.labctl.grading.files;

import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckParams;
import io.labctl.grading.checks.GradingContext;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code yaml-replicas}: a Deployment whose name contains {@code role} ("worker") declares
 * {@code spec.replicas} equal to {@code replicas} (an absent field is Kubernetes' default, 1). Every file
 * counts and one matching Deployment is enough: students also submit the scaled copy of exercise 4
 * (replicas: 3) next to the original.
 */
public final class YamlReplicasCheck implements YamlObjectsCheck {
    private final String role;
    private final int replicas;

    public YamlReplicasCheck(CheckParams params) {
        this.role = params.requiredString("role");
        this.replicas = params.integer("replicas", -1);
        params.requireNoUnknown();
        if (replicas < 0) {
            throw params.invalid("replicas", "is required (a whole number, 0 or more)");
        }
    }

    @Override
    public CheckOutcome evaluate(GradingContext context, KubeYamlFiles yaml) {
        // The applied copies only: a commented copy that says 2 must not hide an applied file that says 3.
        List<KubeObject> deployments = yaml.distinct("Deployment").stream().filter(o -> o.nameContains(role)).toList();
        if (deployments.isEmpty()) {
            return CheckOutcome.fail("no Deployment whose name contains '" + role + "' (Deployments: "
                            + yaml.distinct("Deployment").stream().map(KubeObject::name).collect(Collectors.joining(", "))
                            + ")",
                    "name the " + role + " Deployment so it says what it runs (e.g. spark-" + role + ")");
        }
        String observed = deployments.stream().map(d -> d.describe() + ": replicas " + describeReplicas(d))
                .collect(Collectors.joining("; "));
        if (deployments.stream().anyMatch(d -> replicas(d) == replicas)) {
            return CheckOutcome.pass(observed);
        }
        KubeObject first = deployments.get(0);
        return CheckOutcome.fail(observed, "Deployment " + first.name() + " runs " + replicas(first)
                + " replica(s); the lab asks for " + replicas + ": set spec.replicas: " + replicas);
    }

    private static int replicas(KubeObject deployment) {
        return deployment.node().path("spec").path("replicas").asInt(1);
    }

    private static String describeReplicas(KubeObject deployment) {
        return deployment.node().path("spec").has("replicas") ? String.valueOf(replicas(deployment)) : "not set (1)";
    }
}
