package io.labctl.grading.files;

import com.fasterxml.jackson.databind.JsonNode;
import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckParams;
import io.labctl.grading.checks.GradingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code yaml-spark-ports}: the master's RPC port (param {@code port}, default 7077) is reachable inside
 * and outside the cluster, in three parts: a container declares {@code containerPort: 7077}; a Service
 * has {@code port: 7077} (every Service type but ExternalName has a cluster IP, so inside works); and one
 * such Service is of type NodePort or LoadBalancer (outside works). Without a 7077 Service, the outside
 * part is lost too.
 */
public final class YamlSparkPortsCheck implements YamlObjectsCheck {
    private static final Set<String> EXTERNAL_TYPES = Set.of("NodePort", "LoadBalancer");

    private final int port;

    public YamlSparkPortsCheck(CheckParams params) {
        this.port = params.integer("port", 7077);
        params.requireNoUnknown();
    }

    @Override
    public CheckOutcome evaluate(GradingContext context, KubeYamlFiles yaml) {
        List<String> observed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int earned = 0;

        Optional<String> container = yaml.distinctObjects().stream().flatMap(o -> o.containers().stream()
                        .filter(c -> declares(c.path("ports"), "containerPort"))
                        .map(c -> o.describe() + " container " + c.path("name").asText("?")))
                .findFirst();
        if (container.isPresent()) {
            earned++;
            observed.add("containerPort " + port + ": " + container.get());
        } else {
            observed.add("no container declares containerPort " + port);
            problems.add("declare the master's port in its container: ports: [{containerPort: " + port + "}]");
        }

        List<KubeObject> services = yaml.distinct("Service").stream()
                .filter(s -> !type(s).equals("ExternalName") && declares(s.node().path("spec").path("ports"), "port"))
                .toList();
        if (services.isEmpty()) {
            observed.add("no Service has port " + port + " (Services: " + yaml.distinct("Service").stream()
                    .map(s -> s.name() + " " + ports(s)).collect(Collectors.joining(", ")) + ")");
            problems.add("add a Service for the master with ports: [{port: " + port + ", targetPort: " + port
                    + "}] and type: NodePort, so " + port + " is reachable inside and outside the cluster");
            return CheckOutcome.parts(earned, 3, String.join("; ", observed), String.join("; ", problems));
        }
        earned++;
        Optional<KubeObject> external = services.stream().filter(s -> EXTERNAL_TYPES.contains(type(s))).findFirst();
        KubeObject shown = external.orElse(services.get(0));
        observed.add("Service port " + port + ": " + shown.describe() + " type " + type(shown));
        if (external.isPresent()) {
            earned++;
        } else {
            problems.add("Service " + shown.name() + " is " + type(shown) + ", reachable only inside the cluster:"
                    + " make it type: NodePort (or LoadBalancer) so the host can reach port " + port
                    + " (minikube service list shows the address)");
        }
        return CheckOutcome.parts(earned, 3, String.join("; ", observed),
                problems.isEmpty() ? null : String.join("; ", problems));
    }

    /** Whether a {@code ports} list has an entry whose {@code field} is the port. */
    private boolean declares(JsonNode ports, String field) {
        for (JsonNode p : ports) {
            if (p.path(field).asInt(-1) == port) {
                return true;
            }
        }
        return false;
    }

    private static String type(KubeObject service) {
        return service.node().path("spec").path("type").asText("ClusterIP");
    }

    private static String ports(KubeObject service) {
        List<String> ports = new ArrayList<>();
        service.node().path("spec").path("ports").forEach(p -> ports.add(p.path("port").asText("?")));
        return ports.toString();
    }
}
