package io.labctl.grading.files;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The references between the submitted objects, resolved as the cluster would: the Service controller (a Service's
 * selector picks pod templates, each port's {@code targetPort} a port of their containers), CoreDNS and kube-proxy
 * (a {@code spark://HOST:PORT} reaches a Service by name and one of its ports), the kubelet (ConfigMaps, Secrets and
 * claims a pod needs must exist) and the ReplicaSet controller (its ServiceAccount must exist). Only the applied copy
 * of each object counts ({@link KubeYamlFiles#distinctObjects()}).
 *
 * <p>Each reference is one {@link Reference}: resolved, or dangling with what exists instead and what the pod will
 * actually do, which is what a student needs to fix it (kube-linter says "dangling service"; a student needs to hear
 * that the workers never register).
 */
final class ManifestReferences {
    static final int SPARK_RPC_PORT = 7077;
    private static final Pattern SPARK_URL = Pattern.compile("spark://([^\\s\"',;:/]+)(?::(\\d+))?");
    private static final String CLUSTER_DOMAIN = "svc.cluster.local";

    /**
     * One reference from one object to another.
     *
     * @param at       file:line of the reference
     * @param what     the reference ("Deployment spark-worker env SPARK_MASTER_URL spark://sparkmaster:7077")
     * @param problem  null when it resolves; else what exists instead and what the pod will do
     * @param fix      the fix in one line; null when it resolves
     */
    record Reference(String at, String what, String problem, String fix) {
        boolean dangling() {
            return problem != null;
        }

        String describe() {
            return at + " " + what + (problem == null ? " resolves" : ": " + problem);
        }
    }

    private final List<KubeObject> objects;
    private final List<KubeObject> podOwners;
    private final List<KubeObject> services;

    ManifestReferences(List<KubeObject> applied) {
        this.objects = applied;
        this.podOwners = applied.stream().filter(o -> o.podSpec().isPresent()).toList();
        this.services = applied.stream().filter(o -> o.is("Service")).toList();
    }

    /** Every reference of every object, in the order of the objects. */
    List<Reference> resolve() {
        List<Reference> references = new ArrayList<>();
        for (KubeObject service : services) {
            references.addAll(servicePorts(service));
        }
        for (KubeObject owner : podOwners) {
            references.addAll(sparkUrls(owner));
            references.addAll(configSources(owner));
            serviceAccount(owner).ifPresent(references::add);
        }
        return references;
    }

    // ---- Services: selector -> pod templates, targetPort -> containerPort of every selected template

    private List<Reference> servicePorts(KubeObject service) {
        Map<String, String> selector = KubeObject.labels(service.node().path("spec").path("selector"));
        if (selector.isEmpty()) {
            return List.of(); // endpoints managed by hand: nothing to resolve
        }
        List<KubeObject> selected = selected(service);
        if (selected.isEmpty()) {
            return List.of(); // a selector that matches nothing is yaml-selectors' to judge: one mistake, one check
        }
        List<Reference> references = new ArrayList<>();
        for (JsonNode port : service.node().path("spec").path("ports")) {
            JsonNode target = port.has("targetPort") ? port.get("targetPort") : port.path("port");
            String what = "Service " + service.name() + " port " + port.path("port").asText("?") + " targetPort "
                    + target.asText();
            List<String> missing = new ArrayList<>();
            for (KubeObject pods : selected) {
                if (!declares(pods, target)) {
                    missing.add(pods.kind() + " " + pods.name() + " (declares " + ports(pods) + ")");
                }
            }
            String problem = missing.isEmpty() ? null : "no container of " + String.join(", ", missing)
                    + (target.isTextual() && !target.asText().matches("\\d+")
                    ? " has a port named " + target.asText() + ", so the Service has no endpoints for it"
                    : " declares containerPort " + target.asText() + ", so connections are sent to a port nothing "
                    + "listens on");
            String fix = problem == null ? null : "set targetPort to a port the pods declare (" + ports(selected.get(0))
                    + ") or declare containerPort " + target.asText() + " in their container";
            references.add(new Reference(at(service, "targetPort", target.asText()), what, problem, fix));
        }
        return references;
    }

    List<KubeObject> selected(KubeObject service) {
        Map<String, String> selector = KubeObject.labels(service.node().path("spec").path("selector"));
        return podOwners.stream().filter(o -> sameNamespace(o, service)
                && o.podLabels().entrySet().containsAll(selector.entrySet())).toList();
    }

    private static boolean declares(KubeObject pods, JsonNode target) {
        boolean named = target.isTextual() && !target.asText().matches("\\d+");
        for (JsonNode container : pods.containers()) {
            for (JsonNode port : container.path("ports")) {
                if (named ? port.path("name").asText().equals(target.asText())
                        : port.path("containerPort").asInt(-1) == target.asInt(-2)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The container port a Service port leads to in the selected pods (a named port resolved), or -1. */
    private int containerPort(KubeObject pods, JsonNode target) {
        boolean named = target.isTextual() && !target.asText().matches("\\d+");
        if (!named) {
            return target.asInt(-1);
        }
        for (JsonNode container : pods.containers()) {
            for (JsonNode port : container.path("ports")) {
                if (port.path("name").asText().equals(target.asText())) {
                    return port.path("containerPort").asInt(-1);
                }
            }
        }
        return -1;
    }

    private static String ports(KubeObject pods) {
        List<String> ports = new ArrayList<>();
        pods.containers().forEach(c -> c.path("ports").forEach(p -> ports.add(p.path("containerPort").asText("?")
                + (p.has("name") ? " (" + p.path("name").asText() + ")" : ""))));
        return ports.isEmpty() ? "no ports" : String.join(", ", ports);
    }

    // ---- spark://HOST:PORT -> a Service that selects the master's pods, PORT leading to 7077

    private List<Reference> sparkUrls(KubeObject owner) {
        List<Reference> references = new ArrayList<>();
        for (JsonNode container : owner.containers()) {
            for (JsonNode env : container.path("env")) {
                String value = env.path("value").asText("");
                urls(value).forEach(url -> references.add(sparkUrl(owner, "env " + env.path("name").asText(), url,
                        owner.lineOf("value", value), owner.file())));
            }
            for (String field : List.of("command", "args")) {
                for (JsonNode word : container.path(field)) {
                    urls(word.asText()).forEach(url -> references.add(sparkUrl(owner, field, url,
                            lineContaining(owner, url.text()), owner.file())));
                }
            }
        }
        for (KubeObject configMap : configMapsUsedBy(owner)) {
            configMap.node().path("data").properties().forEach(e -> urls(e.getValue().asText()).forEach(url ->
                    references.add(sparkUrl(owner, "ConfigMap " + configMap.name() + " key " + e.getKey(), url,
                            lineContaining(configMap, url.text()), configMap.file()))));
        }
        return references;
    }

    /** A spark:// URL as written: host and port (7077 when none is given). */
    record SparkUrl(String text, String host, int port) {
    }

    static List<SparkUrl> urls(String text) {
        List<SparkUrl> urls = new ArrayList<>();
        Matcher m = SPARK_URL.matcher(text);
        while (m.find()) {
            urls.add(new SparkUrl(m.group(), m.group(1), m.group(2) == null ? SPARK_RPC_PORT : Integer.parseInt(m.group(2))));
        }
        return urls;
    }

    /** A spark:// URL in {@code owner}'s pods, written at {@code file:line} (the pod spec or a ConfigMap). */
    private Reference sparkUrl(KubeObject owner, String field, SparkUrl url, int line, String file) {
        String what = owner.kind() + " " + owner.name() + " " + field + " " + url.text();
        String at = file + ":" + line;
        String who = owner.nameContains("worker") ? "the workers" : "the pods of " + owner.name();
        String outcome = owner.nameContains("worker") ? "never register" : "cannot reach the master";
        if (url.host().contains("$") || url.host().matches("[0-9.]+")) {
            return new Reference(at, what, null, null); // a variable or an address: nothing a manifest can resolve
        }
        Optional<String> namespace = namespaceOf(url.host());
        String name = url.host().split("\\.", 2)[0];
        Optional<KubeObject> service = services.stream().filter(s -> s.name().equals(name)
                && namespace.map(ns -> ns.equals(namespace(s)) || namespace(s).isEmpty()).orElse(sameNamespace(s, owner)))
                .findFirst();
        if (service.isEmpty()) {
            String closest = Suggestions.closest(name, services.stream().map(KubeObject::name).toList())
                    .map(n -> "; did you mean " + n + "?").orElse("");
            return new Reference(at, what, who + " will try " + url.text() + " and " + outcome + ": no Service named "
                    + name + (services.isEmpty() ? " (the submission has no Service)" : " (Services: " + services.stream()
                    .map(KubeObject::name).collect(Collectors.joining(", ")) + ")") + closest,
                    "point " + field + " at the master's Service: spark://" + Suggestions.closest(name, services.stream()
                            .map(KubeObject::name).toList()).orElse("MASTER-SERVICE") + ":" + SPARK_RPC_PORT);
        }
        KubeObject s = service.get();
        List<KubeObject> masters = selected(s).stream().filter(ManifestReferences::runsMaster).toList();
        if (masters.isEmpty()) {
            return new Reference(at, what, who + " will try " + url.text() + " and " + outcome + ": Service " + s.name()
                    + " selects " + (selected(s).isEmpty() ? "no pods" : selected(s).stream().map(KubeObject::name)
                    .collect(Collectors.joining(", "))) + ", not the Spark master",
                    "give Service " + s.name() + " the master pods' labels as its selector");
        }
        for (JsonNode port : s.node().path("spec").path("ports")) {
            if (port.path("port").asInt(-1) == url.port()) {
                JsonNode target = port.has("targetPort") ? port.get("targetPort") : port.path("port");
                if (containerPort(masters.get(0), target) == SPARK_RPC_PORT) {
                    return new Reference(at, what, null, null);
                }
                return new Reference(at, what, who + " will try " + url.text() + " and " + outcome + ": port "
                        + url.port() + " of Service " + s.name() + " leads to " + target.asText() + " in the master, "
                        + "where Spark listens on " + SPARK_RPC_PORT,
                        "set targetPort: " + SPARK_RPC_PORT + " on port " + url.port() + " of Service " + s.name());
            }
        }
        String servicePorts = s.node().path("spec").path("ports").findValuesAsText("port").toString();
        return new Reference(at, what, who + " will try " + url.text() + " and " + outcome + ": Service " + s.name()
                + " has no port " + url.port() + " (ports " + servicePorts + ")",
                "use the Service's " + SPARK_RPC_PORT + " port: spark://" + url.host() + ":" + SPARK_RPC_PORT);
    }

    /** The namespace a Service host name names: NAME.NS, NAME.NS.svc, NAME.NS.svc.cluster.local; empty for NAME. */
    static Optional<String> namespaceOf(String host) {
        String[] parts = host.split("\\.", 3);
        if (parts.length < 2) {
            return Optional.empty();
        }
        if (parts.length == 3 && !CLUSTER_DOMAIN.startsWith(parts[2]) && !parts[2].equals(CLUSTER_DOMAIN)) {
            return Optional.of(parts[1] + "." + parts[2]); // not a Service name: never equal to a namespace
        }
        return Optional.of(parts[1]);
    }

    /** Whether these pods run the Spark master: named so, or started with the master's class or role argument. */
    static boolean runsMaster(KubeObject pods) {
        if (pods.nameContains("master")) {
            return true;
        }
        return pods.containers().stream().anyMatch(c -> c.path("args").toString().contains("master")
                || c.path("command").toString().contains("deploy.master.Master"));
    }

    // ---- ConfigMaps, Secrets and claims a pod needs; its ServiceAccount

    private List<Reference> configSources(KubeObject owner) {
        List<Reference> references = new ArrayList<>();
        JsonNode spec = owner.podSpec().orElseThrow();
        for (JsonNode container : owner.containers()) {
            for (JsonNode env : container.path("env")) {
                JsonNode from = env.path("valueFrom");
                need(owner, "env " + env.path("name").asText(), "ConfigMap", from.path("configMapKeyRef"), "name",
                        "stays in CreateContainerConfigError", references);
                need(owner, "env " + env.path("name").asText(), "Secret", from.path("secretKeyRef"), "name",
                        "stays in CreateContainerConfigError", references);
            }
            for (JsonNode source : container.path("envFrom")) {
                need(owner, "envFrom", "ConfigMap", source.path("configMapRef"), "name",
                        "stays in CreateContainerConfigError", references);
                need(owner, "envFrom", "Secret", source.path("secretRef"), "name",
                        "stays in CreateContainerConfigError", references);
            }
        }
        for (JsonNode volume : spec.path("volumes")) {
            String field = "volume " + volume.path("name").asText();
            need(owner, field, "ConfigMap", volume.path("configMap"), "name", "stays in ContainerCreating", references);
            need(owner, field, "Secret", volume.path("secret"), "secretName", "stays in ContainerCreating", references);
            need(owner, field, "PersistentVolumeClaim", volume.path("persistentVolumeClaim"), "claimName",
                    "stays Pending", references);
        }
        return references;
    }

    private void need(KubeObject owner, String field, String kind, JsonNode ref, String nameField, String effect,
                      List<Reference> out) {
        String name = ref.path(nameField).asText("");
        if (name.isEmpty()) {
            return;
        }
        String what = owner.kind() + " " + owner.name() + " " + field + " -> " + kind + " " + name;
        String at = owner.file() + ":" + owner.lineOf(nameField, name);
        List<String> existing = objects.stream().filter(o -> o.is(kind) && sameNamespace(o, owner))
                .map(KubeObject::name).toList();
        if (existing.contains(name) || ref.path("optional").asBoolean(false)) {
            JsonNode key = ref.path("key");
            Optional<KubeObject> target = objects.stream().filter(o -> o.is(kind) && o.name().equals(name)).findFirst();
            if (key.isTextual() && target.isPresent() && !hasKey(target.get(), key.asText())
                    && !ref.path("optional").asBoolean(false)) {
                out.add(new Reference(at, what + " key " + key.asText(), "the pod " + effect + ": " + kind + " " + name
                        + " has no key " + key.asText() + " (keys: " + keys(target.get()) + ")",
                        "add " + key.asText() + " to " + kind + " " + name + " or use one of its keys"));
            } else {
                out.add(new Reference(at, what, null, null));
            }
            return;
        }
        String closest = Suggestions.closest(name, existing).map(n -> "; did you mean " + n + "?").orElse("");
        out.add(new Reference(at, what, "the pod " + effect + ": " + kind.toLowerCase(java.util.Locale.ROOT) + " \""
                + name + "\" not found in the submission" + (existing.isEmpty() ? "" : " (" + kind + "s: "
                + String.join(", ", existing) + ")") + closest,
                "submit the " + kind + " " + name + " with the manifests, or name one that is submitted"));
    }

    private static boolean hasKey(KubeObject object, String key) {
        return object.node().path("data").has(key) || object.node().path("stringData").has(key)
                || object.node().path("binaryData").has(key);
    }

    private static String keys(KubeObject object) {
        List<String> keys = new ArrayList<>();
        object.node().path("data").fieldNames().forEachRemaining(keys::add);
        object.node().path("stringData").fieldNames().forEachRemaining(keys::add);
        return keys.isEmpty() ? "none" : String.join(", ", keys);
    }

    private Optional<Reference> serviceAccount(KubeObject owner) {
        JsonNode spec = owner.podSpec().orElseThrow();
        String name = spec.path("serviceAccountName").asText(spec.path("serviceAccount").asText(""));
        if (name.isEmpty() || name.equals("default")) {
            return Optional.empty();
        }
        String what = owner.kind() + " " + owner.name() + " serviceAccountName " + name;
        String at = owner.file() + ":" + owner.lineOf("serviceAccountName", name);
        List<String> existing = objects.stream().filter(o -> o.is("ServiceAccount") && sameNamespace(o, owner))
                .map(KubeObject::name).toList();
        if (existing.contains(name)) {
            return Optional.of(new Reference(at, what, null, null));
        }
        return Optional.of(new Reference(at, what, "no pod is ever created: the ReplicaSet is refused with "
                + "serviceaccount \"" + name + "\" not found" + Suggestions.closest(name, existing)
                .map(n -> "; did you mean " + n + "?").orElse(""),
                "submit a ServiceAccount " + name + " or leave serviceAccountName out (the namespace's default is used)"));
    }

    // ---- helpers

    private List<KubeObject> configMapsUsedBy(KubeObject owner) {
        List<String> names = new ArrayList<>();
        owner.containers().forEach(c -> {
            c.path("env").forEach(e -> names.add(e.path("valueFrom").path("configMapKeyRef").path("name").asText("")));
            c.path("envFrom").forEach(e -> names.add(e.path("configMapRef").path("name").asText("")));
        });
        owner.podSpec().orElseThrow().path("volumes").forEach(v -> names.add(v.path("configMap").path("name").asText("")));
        return objects.stream().filter(o -> o.is("ConfigMap") && names.contains(o.name()) && sameNamespace(o, owner))
                .toList();
    }

    private static String namespace(KubeObject object) {
        return object.node().path("metadata").path("namespace").asText("");
    }

    /** Objects without a namespace go wherever kubectl apply -n puts them: the same as any other's. */
    private static boolean sameNamespace(KubeObject a, KubeObject b) {
        return namespace(a).isEmpty() || namespace(b).isEmpty() || namespace(a).equals(namespace(b));
    }

    private static String at(KubeObject object, String key, String value) {
        return object.file() + ":" + object.lineOf(key, value);
    }

    private static int lineContaining(KubeObject object, String text) {
        List<String> lines = object.fileLines();
        for (int i = Math.max(0, object.line() - 1); i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        return object.line();
    }
}
