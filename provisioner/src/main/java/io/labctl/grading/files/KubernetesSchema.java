package io.labctl.grading.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The OpenAPI v3 schema of the pinned Kubernetes (v1.34, vendored by {@code provisioner/openapi/trim.py} from the test
 * bed's API server), applied offline as the API server's decoding and validation would: unknown fields (kubectl's
 * strict validation), wrong types ({@code containerPort: "7077"}), missing required fields, values outside an enum,
 * and invalid names (DNS-1123 and DNS-1035 rules for objects, containers and label values). Kinds outside the
 * vendored ones (a CRD) are not judged; a known kind under an apiVersion Kubernetes no longer serves is a problem.
 */
public final class KubernetesSchema implements ManifestValidator {
    static final String RESOURCE = "/kubernetes/openapi-v3.json.gz";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REF_PREFIX = "#/components/schemas/";
    private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(
            "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
    private static final KubernetesSchema SHIPPED = load();

    private final String version;
    private final JsonNode kinds;
    private final JsonNode schemas;

    private KubernetesSchema(String version, JsonNode kinds, JsonNode schemas) {
        this.version = version;
        this.kinds = kinds;
        this.schemas = schemas;
    }

    /** The vendored schema (read once). */
    public static KubernetesSchema shipped() {
        return SHIPPED;
    }

    private static KubernetesSchema load() {
        try (InputStream in = KubernetesSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            JsonNode root = JSON.readTree(new GZIPInputStream(in));
            return new KubernetesSchema(root.path("kubernetesVersion").asText(), root.path("kinds"), root.path("schemas"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String describe() {
        return "the OpenAPI schema of Kubernetes " + version + " (offline; --validate-on CONTEXT asks an API server)";
    }

    @Override
    public List<Problem> validate(List<KubeObject> objects) {
        List<Problem> problems = new ArrayList<>();
        for (KubeObject object : objects) {
            validate(object, problems);
        }
        return problems;
    }

    private void validate(KubeObject object, List<Problem> problems) {
        String apiVersion = object.node().path("apiVersion").asText("");
        JsonNode root = kinds.get(apiVersion + "/" + object.kind());
        if (root == null) {
            Optional<String> served = servedAs(object.kind());
            served.filter(s -> !s.equals(apiVersion)).ifPresent(s -> problems.add(new Problem(object, "apiVersion",
                    "no kind \"" + object.kind() + "\" is served in version \"" + apiVersion + "\"; Kubernetes " + version
                            + " serves it as " + s)));
            return; // a kind this schema does not know (a custom resource): not judged
        }
        List<String> found = new ArrayList<>();
        walk(schemas.get(root.asText()), object.node(), "", found);
        names(object, found);
        found.forEach(f -> {
            int colon = f.indexOf(": ");
            problems.add(new Problem(object, f.substring(0, colon), f.substring(colon + 2)));
        });
    }

    private Optional<String> servedAs(String kind) {
        for (Iterator<String> it = kinds.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (key.endsWith("/" + kind)) {
                return Optional.of(key.substring(0, key.length() - kind.length() - 1));
            }
        }
        return Optional.empty();
    }

    /** Problems of {@code value} at {@code path} against {@code schema}, as "path: message". */
    private void walk(JsonNode schema, JsonNode value, String path, List<String> out) {
        schema = resolve(schema);
        if (value == null || value.isNull() || schema == null) {
            return; // null is "not set" to the API server
        }
        if (schema.has("oneOf")) {
            for (JsonNode branch : schema.get("oneOf")) {
                if (typeMatches(resolve(branch).path("type").asText(""), value)) {
                    return;
                }
            }
            out.add(field(path) + ": must be " + describeOneOf(schema) + ", not " + shown(value));
            return;
        }
        String type = schema.path("type").asText("");
        if (!type.isEmpty() && !typeMatches(type, value)) {
            out.add(field(path) + ": must be " + article(type) + ", not " + shown(value));
            return;
        }
        if (schema.has("enum") && value.isTextual() && !contains(schema.get("enum"), value.asText())) {
            out.add(field(path) + ": Unsupported value: " + shown(value) + " (supported: " + texts(schema.get("enum")) + ")");
        }
        if (value.isObject()) {
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.get("additionalProperties");
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (properties.has(field.getKey())) {
                    walk(properties.get(field.getKey()), field.getValue(), child, out);
                } else if (additional != null && additional.isObject()) {
                    walk(additional, field.getValue(), child, out);
                } else if (!properties.isEmpty() || additional != null && additional.isBoolean() && !additional.asBoolean()) {
                    out.add(child + ": unknown field \"" + field.getKey() + "\"");
                }
            }
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    out.add((path.isEmpty() ? "" : path + ".") + required.asText() + ": Required value");
                }
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                walk(schema.get("items"), value.get(i), path + "[" + i + "]", out);
            }
        }
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; current != null && hops < 8; hops++) {
            if (current.has("$ref")) {
                current = schemas.get(current.get("$ref").asText().substring(REF_PREFIX.length()));
            } else if (current.has("allOf") && current.get("allOf").size() == 1 && !current.has("type")) {
                current = current.get("allOf").get(0);
            } else {
                return current;
            }
        }
        return current;
    }

    private static boolean typeMatches(String type, JsonNode value) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
    }

    /** The name rules the API server applies to what a lab submission names. */
    private static void names(KubeObject object, List<String> out) {
        String name = object.name();
        if (!name.isEmpty()) {
            boolean service = object.is("Service");
            Pattern rule = service ? DNS1035_LABEL : DNS1123_SUBDOMAIN;
            int max = service ? 63 : 253;
            if (!rule.matcher(name).matches() || name.length() > max) {
                out.add("metadata.name: Invalid value: \"" + name + "\": " + (service
                        ? "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with a"
                        + " letter and end with a letter or digit (at most 63)"
                        : "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
                        + " '.', and must start and end with an alphanumeric character"));
            }
        }
        List<JsonNode> containers = object.containers();
        for (int i = 0; i < containers.size(); i++) {
            String container = containers.get(i).path("name").asText("");
            if (!container.isEmpty() && (!DNS1123_LABEL.matcher(container).matches() || container.length() > 63)) {
                out.add("containers[" + i + "].name: Invalid value: \"" + container + "\": a lowercase RFC 1123 label"
                        + " must consist of lower case alphanumeric characters or '-'");
            }
        }
        labels(object.node().path("metadata").path("labels"), "metadata.labels", out);
        labels(object.node().path("spec").path("template").path("metadata").path("labels"),
                "spec.template.metadata.labels", out);
    }

    private static void labels(JsonNode labels, String path, List<String> out) {
        labels.properties().forEach(e -> {
            String value = e.getValue().asText();
            if (e.getValue().isValueNode() && (value.length() > 63 || !LABEL_VALUE.matcher(value).matches())) {
                out.add(path + "." + e.getKey() + ": Invalid value: \"" + value + "\": a label value must be empty or"
                        + " consist of alphanumeric characters, '-', '_' or '.', and start and end with one (at most 63)");
            }
        });
    }

    private static String field(String path) {
        return path.isEmpty() ? "(object)" : path;
    }

    private static String article(String type) {
        return switch (type) {
            case "integer" -> "an integer";
            case "object" -> "a map";
            case "array" -> "a list";
            case "string" -> "a string";
            case "boolean" -> "true or false";
            default -> "a " + type;
        };
    }

    private String describeOneOf(JsonNode schema) {
        List<String> types = new ArrayList<>();
        schema.get("oneOf").forEach(b -> types.add(article(resolve(b).path("type").asText("?"))));
        return String.join(" or ", types);
    }

    private static String shown(JsonNode value) {
        if (value.isTextual()) {
            return "\"" + value.asText() + "\"";
        }
        return value.isContainerNode() ? (value.isObject() ? "a map" : "a list") : value.asText();
    }

    private static boolean contains(JsonNode array, String text) {
        for (JsonNode n : array) {
            if (n.asText().equals(text)) {
                return true;
            }
        }
        return false;
    }

    private static String texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return String.join(", ", texts);
    }
}
