package io.labctl.grading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.labctl.grading.checks.LabValidationException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The JSON Schema of lab files ({@code labs/lab.schema.json}, shipped in the jar), as labctl applies it when it loads
 * a lab: the one file says what a lab may contain, for editors and for labctl alike. A violation is reported as one
 * line naming the file and the field ("labs/x.yaml: exercises[2].checks[0].points: must be a number >= 0, not
 * '-1'"), in the words labctl always used rather than the validator's, which name schema keywords.
 *
 * <p>The schema is {@code oneOf} a lab and an extension of one. Which of the two a file means is clear from
 * {@code extends:}, so each file is validated against that branch alone: a oneOf failure would otherwise report
 * the mistakes of both branches, half of them about a form the author did not mean.
 */
final class LabSchema {
    static final String RESOURCE = "/labs/lab.schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Keywords that only say "some branch failed": their branches' own errors say what. */
    private static final List<String> SUMMARY_KEYWORDS = List.of("oneOf", "anyOf", "allOf");

    /** The two forms of a lab file, by the definition that describes each. */
    enum Form {
        LAB("lab"), EXTENSION("extension");

        private final String definition;

        Form(String definition) {
            this.definition = definition;
        }
    }

    private static final LabSchema SHIPPED = load();

    private final JsonNode tree;
    private final Map<Form, Schema> schemas;

    private LabSchema(JsonNode tree, Map<Form, Schema> schemas) {
        this.tree = tree;
        this.schemas = schemas;
    }

    /** The schema in the jar (built once: compiling it takes longer than loading a lab). */
    static LabSchema shipped() {
        return SHIPPED;
    }

    private static LabSchema load() {
        try (InputStream in = LabSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            JsonNode tree = JSON.readTree(in);
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
            return new LabSchema(tree, Map.of(Form.LAB, branch(registry, tree, Form.LAB),
                    Form.EXTENSION, branch(registry, tree, Form.EXTENSION)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema with its oneOf replaced by a reference to one of its branches. */
    private static Schema branch(SchemaRegistry registry, JsonNode tree, Form form) throws JsonProcessingException {
        ObjectNode root = tree.deepCopy();
        root.remove("oneOf");
        root.put("$ref", "#/$defs/" + form.definition);
        return registry.getSchema(JSON.writeValueAsString(root), InputFormat.JSON);
    }

    /**
     * Validates a lab document.
     *
     * @throws LabValidationException with the first violation, in document order
     */
    void validate(String source, JsonNode document, Form form) {
        String json;
        try {
            json = JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        firstViolation(schemas.get(form).validate(json, InputFormat.JSON), document).ifPresent(v -> {
            throw LabValidationException.at(source, v.where(), v.problem());
        });
    }

    /** One violation: the field it is about and what is wrong with it. */
    record Violation(String where, String problem) {
    }

    private Optional<Violation> firstViolation(List<Error> errors, JsonNode document) {
        return errors.stream().sorted(Comparator.comparingInt(LabSchema::rank).thenComparing(Error::getInstanceLocation))
                .map(e -> describe(e, document)).findFirst();
    }

    /**
     * Which error says best what is wrong. A branch's own error first ("starts with 'labctl'"); then the summary of a
     * oneOf ("must be text or a list"); last a branch's type error, which only says that the value is not of that
     * one branch's type ("must be text" for a map where a list would do too).
     */
    private static int rank(Error error) {
        if (SUMMARY_KEYWORDS.contains(error.getKeyword())) {
            return 1;
        }
        boolean inBranch = elements(error.getSchemaLocation().getFragment()).stream()
                .anyMatch(SUMMARY_KEYWORDS::contains);
        return inBranch && error.getKeyword().equals("type") ? 2 : 0;
    }

    private Violation describe(Error error, JsonNode document) {
        List<Object> path = elements(error.getInstanceLocation());
        JsonNode value = at(document, path);
        JsonNode rule = schemaAt(error);
        String field = path.isEmpty() ? "" : String.valueOf(path.get(path.size() - 1));
        String property = error.getProperty();
        return switch (error.getKeyword()) {
            case "additionalProperties" -> new Violation(where(path, property), "unknown field (allowed: "
                    + String.join(", ", new TreeSet<>(fieldNames(parent(error).path("properties")))) + ")");
            case "required" -> new Violation(where(path, property), missing(property));
            case "type" -> new Violation(where(path, null), wrongType(field, path, rule.asText(), value));
            case "minimum" -> new Violation(where(path, null), "must be a number >= " + rule.asText() + ", not '"
                    + value.asText() + "'");
            case "const" -> new Violation(where(path, null), "must be '" + rule.asText() + "', not '" + value.asText() + "'");
            case "enum" -> new Violation(where(path, null), "must be one of " + new TreeSet<>(texts(rule)) + ", not '"
                    + value.asText() + "'");
            case "pattern" -> new Violation(where(path, null), "'" + value.asText() + "' " + (isIdPattern(error)
                    ? "must be lower case letters, digits and dashes" : "does not match " + rule.asText()));
            case "propertyNames" -> propertyName(path, property);
            case "minItems" -> new Violation(where(path, null), field.equals("exercises") ? "must be a non-empty list"
                    : "is empty");
            case "minLength" -> new Violation(where(path, null), "is empty");
            case "not" -> new Violation(where(path, null), field.equals("labctl")
                    ? "starts with 'labctl'; give the arguments only (spark deploy ...)" : "is not allowed here");
            case "oneOf" -> new Violation(where(path, null), field.equals("labctl")
                    ? "must be labctl's arguments, as text or as a list" : "does not have any of the allowed forms");
            default -> new Violation(where(path, null), error.getMessage());
        };
    }

    private static String missing(String property) {
        return switch (property == null ? "" : property) {
            case "exercises" -> "must be a non-empty list";
            case "apiVersion" -> "must be '" + LabLoader.API_VERSION + "' (missing)";
            case "points" -> "must be a number >= 0 (missing)";
            default -> "is required";
        };
    }

    private static String wrongType(String field, List<Object> path, String expected, JsonNode value) {
        if (field.equals("points")) {
            return "must be a number >= 0, not '" + value.asText() + "'";
        }
        if (path.size() == 2 && "vars".equals(path.get(0))) {
            return "must have a single default value";
        }
        return switch (field) {
            case "exercises" -> "must be a non-empty list";
            case "vars" -> "must be a map of name: default value";
            case "overrides" -> "must be a map from check id (ex3.alive-workers) to changes";
            default -> switch (expected) {
                case "string" -> "must be text";
                case "array" -> "must be a list";
                case "object" -> "must be a map";
                case "boolean" -> "must be true or false";
                case "number", "integer" -> "must be a number";
                default -> "must be " + expected;
            };
        };
    }

    private static Violation propertyName(List<Object> path, String property) {
        String where = where(path, property);
        if (!path.isEmpty() && "vars".equals(path.get(path.size() - 1))) {
            return new Violation(where, "is not a valid variable name (letters, digits, _)");
        }
        return new Violation(where, "is not a check id (exercise.check, e.g. ex3.alive-workers)");
    }

    private boolean isIdPattern(Error error) {
        List<Object> rule = elements(error.getSchemaLocation().getFragment());
        return rule.size() >= 2 && "id".equals(rule.get(rule.size() - 2));
    }

    /** The schema value of the failing keyword ({@code "string"} for a {@code type}), from the schema's own tree. */
    private JsonNode schemaAt(Error error) {
        return at(tree, elements(error.getSchemaLocation().getFragment()));
    }

    /** The (sub)schema holding the failing keyword. */
    private JsonNode parent(Error error) {
        List<Object> rule = elements(error.getSchemaLocation().getFragment());
        return at(tree, rule.subList(0, Math.max(0, rule.size() - 1)));
    }

    private static List<Object> elements(NodePath path) {
        List<Object> elements = new ArrayList<>();
        for (int i = 0; path != null && i < path.getNameCount(); i++) {
            elements.add(path.getElement(i));
        }
        return elements;
    }

    private static JsonNode at(JsonNode node, List<Object> path) {
        JsonNode current = node;
        for (Object element : path) {
            current = element instanceof Integer index ? current.path(index) : current.path(String.valueOf(element));
        }
        return current;
    }

    /** "exercises[0].checks[1].hnt": the form of every message about a lab file. */
    static String where(List<Object> path, String property) {
        StringBuilder where = new StringBuilder();
        for (Object element : path) {
            if (element instanceof Integer index) {
                where.append('[').append(index).append(']');
            } else {
                where.append(where.isEmpty() ? "" : ".").append(element);
            }
        }
        if (property != null) {
            where.append(where.isEmpty() ? "" : ".").append(property);
        }
        return where.toString();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
