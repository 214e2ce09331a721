package io.labctl.grading.files;

import com.fasterxml.jackson.databind.JsonNode;
import io.labctl.grading.ServiceLinkVariables;
import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckParams;
import io.labctl.grading.checks.GradingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code yaml-service-links}: no Service breaks Spark through its service-link variables. For every
 * Service the kubelet injects {@code <NAME>_PORT=tcp://IP:PORT} (name upper-cased, dashes as underscores)
 * into every pod of the namespace; a Service named {@code spark-master} therefore sets
 * {@code SPARK_MASTER_PORT}, which Spark reads as a port number and fails on. Such a Service passes only
 * when every pod template sets {@code enableServiceLinks: false} or all its containers set the variable
 * themselves (explicit {@code env} wins over service links).
 */
public final class YamlServiceLinksCheck implements YamlObjectsCheck {
    public YamlServiceLinksCheck(CheckParams params) {
        params.requireNoUnknown();
    }

    @Override
    public CheckOutcome evaluate(GradingContext context, KubeYamlFiles yaml) {
        List<KubeObject> services = yaml.distinct("Service");
        if (services.isEmpty()) {
            return CheckOutcome.pass("no Service, so no service-link variables");
        }
        List<KubeObject> podOwners = yaml.distinctObjects().stream().filter(o -> o.podSpec().isPresent()).toList();
        List<String> observed = new ArrayList<>();
        List<String> hints = new ArrayList<>();
        for (KubeObject service : services) {
            String variable = ServiceLinkVariables.portVariable(service.name());
            if (!ServiceLinkVariables.READ_BY_SPARK.contains(variable)) {
                observed.add("Service " + service.name() + " sets " + variable + " (not read by Spark)");
                continue;
            }
            List<KubeObject> exposed = podOwners.stream().filter(o -> !shielded(o, variable)).toList();
            if (exposed.isEmpty()) {
                observed.add("Service " + service.name() + " sets " + variable + ", but every pod template sets"
                        + " enableServiceLinks: false or " + variable + " itself");
                continue;
            }
            String value = variable + "=tcp://IP:" + service.node().path("spec").path("ports").path(0).path("port")
                    .asText("PORT");
            observed.add(service.describe() + " sets " + value + " in "
                    + exposed.stream().map(o -> o.kind() + " " + o.name()).collect(Collectors.joining(", ")));
            hints.add(ServiceLinkVariables.hint(service.name(), value));
        }
        String seen = String.join("; ", observed);
        return hints.isEmpty() ? CheckOutcome.pass(seen) : CheckOutcome.fail(seen, String.join("; ", hints));
    }

    /** Whether the pods of this object do not get the variable from service links. */
    private static boolean shielded(KubeObject podOwner, String variable) {
        JsonNode links = podOwner.podSpec().orElseThrow().path("enableServiceLinks");
        if (links.isBoolean() && !links.booleanValue()) {
            return true;
        }
        List<JsonNode> containers = podOwner.containers();
        return !containers.isEmpty() && containers.stream().allMatch(c -> setsItself(c, variable));
    }

    private static boolean setsItself(JsonNode container, String variable) {
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals(variable)) {
                return true;
            }
        }
        return false;
    }
}
