package io.labctl.grading.files;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One Kubernetes object in a submitted YAML file: a document with a {@code kind}, read as a tree (not as a
 * typed model: a student's object may be wrong in ways a typed model would refuse to load).
 *
 * @param file      the YAML file's path in the submission
 * @param document  the document's index in the file (0-based)
 * @param line      the line the document's content starts on (1-based)
 * @param node      the document
 * @param fileLines the file's lines, to point at the line of a value
 */
public record KubeObject(String file, int document, int line, JsonNode node, List<String> fileLines) {

    public String kind() {
        return node.path("kind").asText("");
    }

    public String name() {
        return node.path("metadata").path("name").asText("");
    }

    /** kind/namespace/name: the same object in two files (a commented copy) has the same identity. */
    public String identity() {
        return kind() + "/" + node.path("metadata").path("namespace").asText("") + "/" + name();
    }

    /** "Deployment spark-worker (spark.yaml:21)". */
    public String describe() {
        return kind() + " " + name() + " (" + file + ":" + line + ")";
    }

    public boolean is(String kind) {
        return kind().equals(kind);
    }

    /** Whether the name contains the word, ignoring case: how a lab names roles ("worker"). */
    public boolean nameContains(String word) {
        return name().toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT));
    }

    /** The pod template's spec (a Pod's own spec), when this object runs pods. */
    public Optional<JsonNode> podSpec() {
        JsonNode spec = podTemplate().path("spec");
        return spec.isObject() ? Optional.of(spec) : Optional.empty();
    }

    /** The labels the pods of this object get; empty when it runs no pods. */
    public Map<String, String> podLabels() {
        return labels(podTemplate().path("metadata").path("labels"));
    }

    /** Containers and init containers of the pod spec. */
    public List<JsonNode> containers() {
        List<JsonNode> containers = new ArrayList<>();
        podSpec().ifPresent(spec -> {
            spec.path("initContainers").forEach(containers::add);
            spec.path("containers").forEach(containers::add);
        });
        return containers;
    }

    private JsonNode podTemplate() {
        return switch (kind()) {
            case "Pod" -> node;
            case "CronJob" -> node.path("spec").path("jobTemplate").path("spec").path("template");
            default -> node.path("spec").path("template");
        };
    }

    /** A YAML map of strings ({@code labels}, {@code selector}), sorted; empty when absent. */
    public static Map<String, String> labels(JsonNode map) {
        Map<String, String> labels = new TreeMap<>();
        map.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    /**
     * The line of {@code key: value} in this object (e.g. an {@code image:}), or the object's line. Only the
     * object's own document is searched (up to the next {@code ---}): a file of thousands of objects, each asking
     * for its line, must not rescan the rest of the file every time.
     */
    public int lineOf(String key, String value) {
        // Block style (key: value) and flow style ({name: x, value: "y"}) alike.
        Pattern pattern = Pattern.compile("(?:^|[\\s{,-])" + Pattern.quote(key) + "\\s*:\\s*[\"']?"
                + Pattern.quote(value) + "[\"']?\\s*(?:[,}\\]]|#|$)");
        for (int i = Math.max(0, line - 1); i < fileLines.size() && !(i >= line && fileLines.get(i).startsWith("---"));
             i++) {
            if (pattern.matcher(fileLines.get(i)).find()) {
                return i + 1;
            }
        }
        return line;
    }

    /**
     * The line of a field given by its path ({@code spec.template.spec.containers[0].image}): each key of the path
     * looked for from the line of the one before it, inside this object's document; the object's line when not found.
     */
    public int lineOfPath(String path) {
        int at = Math.max(0, line - 1);
        for (String key : path.replaceAll("\\[\\d+]", "").split("\\.")) {
            if (key.isEmpty()) {
                continue;
            }
            Pattern pattern = Pattern.compile("(?:^|[\\s{,-])" + Pattern.quote(key) + "\\s*:");
            int found = -1;
            for (int i = at; i < fileLines.size() && !(i >= line && fileLines.get(i).startsWith("---")); i++) {
                if (pattern.matcher(fileLines.get(i)).find()) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                return at + 1;
            }
            at = found;
        }
        return at + 1;
    }
}
