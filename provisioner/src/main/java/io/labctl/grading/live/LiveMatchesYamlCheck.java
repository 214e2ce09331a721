package io.labctl.grading.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckParams;
import io.labctl.grading.checks.GradingContext;
import io.labctl.grading.files.KubeObject;
import io.labctl.grading.files.KubeYamlFiles;
import io.labctl.grading.files.YamlObjectsCheck;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code live-matches-yaml}: the live cluster runs what was submitted. Every object of the submitted YAML (the applied
 * copy) of the kinds in {@code kinds} (default Deployment, Service, ConfigMap: what the grading identity may read) is
 * looked up by kind and name in {@code namespace} (the object's own, when it names one), and every field the
 * manifest sets must have that value live, {@code spec.replicas} aside (the exercises scale) and quantities compared
 * by amount ({@code 0.5} and {@code 500m}). Objects named with a prefix in {@code ignore} (the cluster exercise 4
 * tears down) are not looked for. One part per object. So a student who ran {@code labctl lab run} and submitted YAML
 * they never applied does not get the YAML's points by accident. Instructors turn it off with an override
 * ({@code ex3.live-yaml: {remove: true}}).
 */
public final class LiveMatchesYamlCheck implements YamlObjectsCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Replicas (the exercises scale), the namespace (-n), and labctl's record of how it deployed a cluster, which holds
     * the worker count and so changes whenever {@code spark scale} or a re-deploy with another count does.
     */
    private static final List<String> IGNORED_PATHS = List.of("spec.replicas", "metadata.namespace",
            "metadata.annotations." + io.labctl.spark.standalone.SparkLabels.SPEC_ANNOTATION);
    private static final Pattern QUANTITY_PATH = Pattern.compile(".*resources\\.(requests|limits)\\.[^.]+$");
    private static final int SHOWN_DIFFERENCES = 3;

    private final String namespace;
    private final List<String> kinds;
    private final List<String> ignore;

    /**
     * Where each kind lives in the API, by its current group and version: the submitted apiVersion may be an old one
     * the server no longer serves, and looking up by it would be the grader's error, not the student's.
     */
    private static final Map<String, ResourceDefinitionContext> RESOURCES = Map.of(
            "Deployment", resource("apps", "Deployment", "deployments"),
            "StatefulSet", resource("apps", "StatefulSet", "statefulsets"),
            "DaemonSet", resource("apps", "DaemonSet", "daemonsets"),
            "Service", resource("", "Service", "services"),
            "ConfigMap", resource("", "ConfigMap", "configmaps"),
            "ServiceAccount", resource("", "ServiceAccount", "serviceaccounts"),
            "PersistentVolumeClaim", resource("", "PersistentVolumeClaim", "persistentvolumeclaims"),
            "Pod", resource("", "Pod", "pods"));

    public LiveMatchesYamlCheck(CheckParams params) {
        this.namespace = params.requiredString("namespace");
        this.kinds = params.strings("kinds", List.of("Deployment", "Service", "ConfigMap"));
        this.ignore = params.strings("ignore", List.of());
        params.requireNoUnknown();
        for (String kind : kinds) {
            if (!RESOURCES.containsKey(kind)) {
                throw params.invalid("kinds", "names '" + kind + "'; known: " + String.join(", ",
                        new java.util.TreeSet<>(RESOURCES.keySet())));
            }
        }
    }

    private static ResourceDefinitionContext resource(String group, String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion("v1").withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }

    @Override
    public CheckOutcome evaluate(GradingContext context, KubeYamlFiles yaml) {
        LiveCluster live = LiveCluster.of(context);
        List<KubeObject> submitted = yaml.distinctObjects().stream()
                .filter(o -> kinds.contains(o.kind()) && ignore.stream().noneMatch(p -> o.name().startsWith(p))
                        && !o.name().isEmpty()).toList();
        if (submitted.isEmpty()) {
            return CheckOutcome.fail("no " + String.join(", ", kinds) + " in the submitted YAML to compare with "
                    + "namespace " + namespace, null);
        }
        List<String> observed = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        int matching = 0;
        for (KubeObject object : submitted) {
            String ns = object.node().path("metadata").path("namespace").asText(namespace);
            JsonNode found = find(live, object, ns);
            if (found == null) {
                observed.add(object.describe() + ": not in namespace " + ns);
                fixes.add("apply what you submitted: kubectl apply -n " + ns + " -f " + object.file());
                continue;
            }
            List<String> differences = new ArrayList<>();
            compare("", object.node(), found, differences);
            if (differences.isEmpty()) {
                matching++;
                observed.add(object.kind() + " " + object.name() + " matches " + object.file());
            } else {
                observed.add(object.describe() + " differs live in " + differences.size() + " field(s): "
                        + String.join("; ", differences.subList(0, Math.min(SHOWN_DIFFERENCES, differences.size())))
                        + (differences.size() > SHOWN_DIFFERENCES ? "; ..." : ""));
                fixes.add(object.kind() + " " + object.name() + " in the cluster is not what " + object.file()
                        + " says: apply the file (kubectl apply -n " + ns + " -f " + object.file()
                        + ") or submit the YAML you run");
            }
        }
        return CheckOutcome.parts(matching, submitted.size(), String.join("; ", observed),
                fixes.isEmpty() ? null : String.join("; ", fixes));
    }

    /**
     * The live object as a tree, or null. Deployments and Services come from what the other live checks of the run
     * already read (no request of its own for the objects of the lab); other kinds are read by name.
     */
    private static JsonNode find(LiveCluster live, KubeObject object, String ns) {
        Object found = switch (object.kind()) {
            case "Deployment" -> LiveQueries.deployment(live, ns, object.name()).orElse(null);
            case "Service" -> LiveQueries.services(live, ns).stream()
                    .filter(s -> s.getMetadata().getName().equals(object.name())).findFirst().orElse(null);
            default -> live.client().genericKubernetesResources(RESOURCES.get(object.kind())).inNamespace(ns)
                    .withName(object.name()).get();
        };
        return found == null ? null : JSON.valueToTree(found);
    }

    /** Every field set in {@code submitted} that {@code live} does not have with the same value. */
    static void compare(String path, JsonNode submitted, JsonNode live, List<String> out) {
        if (IGNORED_PATHS.contains(path)) {
            return;
        }
        if (submitted.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = submitted.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                compare(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(),
                        live == null ? null : live.get(field.getKey()), out);
            }
        } else if (submitted.isArray()) {
            for (int i = 0; i < submitted.size(); i++) {
                compare(path + "[" + i + "]", submitted.get(i), live == null ? null : live.get(i), out);
            }
        } else if (!submitted.isNull() && !same(path, submitted, live)) {
            out.add(path + ": " + submitted.asText() + " submitted, " + (live == null || live.isNull() ? "not set"
                    : live.isValueNode() ? live.asText() : live.toString()) + " live");
        }
    }

    /** Equal as the API server stores it: text and numbers by their text, quantities by amount. */
    private static boolean same(String path, JsonNode submitted, JsonNode live) {
        if (live == null || !live.isValueNode()) {
            return false;
        }
        if (submitted.asText().equals(live.asText())) {
            return true;
        }
        if (QUANTITY_PATH.matcher(path).matches()) {
            try {
                return new Quantity(submitted.asText()).getNumericalAmount()
                        .compareTo(new Quantity(live.asText()).getNumericalAmount()) == 0;
            } catch (IllegalArgumentException | ArithmeticException e) {
                return false;
            }
        }
        return false;
    }
}
