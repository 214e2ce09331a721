package io.labctl.grading.files;

import com.fasterxml.jackson.databind.JsonNode;
import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckParams;
import io.labctl.grading.checks.GradingContext;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code yaml-selectors}: labels and selectors fit together. One part per object:
 * <ul>
 *   <li>each Deployment (ReplicaSet, StatefulSet, DaemonSet) has a selector that matches its own pod
 *       template's labels (matchLabels and matchExpressions), which the API server requires;</li>
 *   <li>each Service with a selector selects the pod template of at least one object (otherwise it has
 *       no endpoints), and a Service exposing the Spark master's port 7077 selects no worker pods (a
 *       Deployment whose name contains "worker"): workers would get the master's connections.</li>
 * </ul>
 * Services without a selector (endpoints managed by hand) are not judged.
 */
public final class YamlSelectorsCheck implements YamlObjectsCheck {
    private static final int SPARK_RPC_PORT = 7077;
    private static final Set<String> SELECTOR_KINDS = Set.of("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet");

    public YamlSelectorsCheck(CheckParams params) {
        params.requireNoUnknown();
    }

    @Override
    public CheckOutcome evaluate(GradingContext context, KubeYamlFiles yaml) {
        List<KubeObject> podOwners = yaml.distinctObjects().stream().filter(o -> o.podSpec().isPresent()).toList();
        List<KubeObject> workloads = podOwners.stream().filter(o -> SELECTOR_KINDS.contains(o.kind())).toList();
        List<KubeObject> services = yaml.distinct("Service").stream()
                .filter(s -> !selector(s).isEmpty()).toList();
        if (workloads.isEmpty() && services.isEmpty()) {
            return CheckOutcome.fail("no Deployment and no Service with a selector in "
                    + yaml.files().stream().map(KubeYamlFiles.YamlFile::path).collect(Collectors.joining(", ")), null);
        }
        List<String> observed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (KubeObject workload : workloads) {
            String problem = workloadProblem(workload);
            observed.add(workload.kind() + " " + workload.name() + (problem == null ? " selects its own pods" : ": " + problem));
            if (problem != null) {
                problems.add(workload.describe() + ": " + problem);
            }
        }
        for (KubeObject service : services) {
            List<KubeObject> selected = podOwners.stream()
                    .filter(o -> o.podLabels().entrySet().containsAll(selector(service).entrySet())).toList();
            String problem = serviceProblem(service, selected, podOwners);
            observed.add("Service " + service.name() + " " + selector(service) + " selects "
                    + (selected.isEmpty() ? "nothing" : names(selected)));
            if (problem != null) {
                problems.add(problem);
            }
        }
        int parts = workloads.size() + services.size();
        return CheckOutcome.parts(parts - problems.size(), parts, String.join("; ", observed),
                problems.isEmpty() ? null : String.join("; ", problems));
    }

    private static String workloadProblem(KubeObject workload) {
        JsonNode selector = workload.node().path("spec").path("selector");
        if (!selector.has("matchLabels") && !selector.has("matchExpressions")) {
            return "no spec.selector.matchLabels (apps/v1 requires a selector matching the pod template labels)";
        }
        if (!matches(selector, workload.podLabels())) {
            return "selector " + KubeObject.labels(selector.path("matchLabels"))
                    + (selector.has("matchExpressions") ? " with matchExpressions" : "")
                    + " does not match its pod template labels " + workload.podLabels()
                    + " (the API server rejects it): use the same labels in both";
        }
        return null;
    }

    private static String serviceProblem(KubeObject service, List<KubeObject> selected, List<KubeObject> podOwners) {
        if (selected.isEmpty()) {
            return "Service " + service.name() + " selects " + selector(service) + " but no pod template has these"
                    + " labels (" + podOwners.stream().map(o -> o.name() + " " + o.podLabels())
                    .collect(Collectors.joining(", ")) + "), so it has no endpoints: copy the master's pod labels"
                    + " into the Service's selector";
        }
        List<KubeObject> workers = selected.stream().filter(o -> o.nameContains("worker")).toList();
        if (exposesSparkMaster(service) && !workers.isEmpty()) {
            return "Service " + service.name() + " (port " + SPARK_RPC_PORT + ") selects " + selector(service)
                    + ", which the workers (" + names(workers) + ") have too: add a label only the"
                    + " master's pods carry (e.g. component: master) to its selector";
        }
        return null;
    }

    private static String names(List<KubeObject> objects) {
        return objects.stream().map(KubeObject::name).collect(Collectors.joining(", "));
    }

    private static Map<String, String> selector(KubeObject service) {
        return KubeObject.labels(service.node().path("spec").path("selector"));
    }

    private static boolean exposesSparkMaster(KubeObject service) {
        for (JsonNode p : service.node().path("spec").path("ports")) {
            if (p.path("port").asInt() == SPARK_RPC_PORT || p.path("targetPort").asInt() == SPARK_RPC_PORT) {
                return true;
            }
        }
        return false;
    }

    /** A Deployment-style label selector: every matchLabels entry and every matchExpressions requirement. */
    private static boolean matches(JsonNode selector, Map<String, String> labels) {
        if (!labels.entrySet().containsAll(KubeObject.labels(selector.path("matchLabels")).entrySet())) {
            return false;
        }
        for (JsonNode requirement : selector.path("matchExpressions")) {
            String key = requirement.path("key").asText();
            Set<String> values = new HashSet<>();
            requirement.path("values").forEach(v -> values.add(v.asText()));
            boolean met = switch (requirement.path("operator").asText()) {
                case "In" -> values.contains(labels.get(key));
                case "NotIn" -> !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> false;
            };
            if (!met) {
                return false;
            }
        }
        return true;
    }
}
