package io.labctl.grading;

import io.labctl.grading.checks.LabValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A class to grade ({@code labctl grade --roster FILE}):
 * <pre>
 * lab: spark-k8s                 # built-in name or path (relative to this file)
 * parallel: 8                    # students graded at once (optional)
 * defaults:                      # optional; ${student} is the student's id
 *   kubeconfig: clusters/${student}.kubeconfig
 *   submission: submissions/${student}
 * students:
 *   - id: alice
 *     context: alice             # optional
 *     vars: {namespace: alice}   # optional, lab variables
 * </pre>
 * Relative paths are resolved against the roster's folder. A student without kubeconfig and
 * context is graded on files only, one without submission on the cluster only. Ids follow {@link StudentIds}
 * (quoted strings, unique ignoring case, no two writing the same report file), checked here, before any grading.
 */
public record Roster(Path file, String lab, Integer parallel, List<Student> students) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> KEYS = Set.of("lab", "parallel", "defaults", "students");
    private static final Set<String> STUDENT_KEYS = Set.of("id", "kubeconfig", "context", "submission", "vars");

    /** One student: where their cluster and files are. Null fields: not given. */
    public record Student(String id, Path kubeconfig, String context, Path submission, Map<String, String> vars) {
    }

    public static Roster read(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new LabValidationException(file + ": cannot read roster: " + e.getMessage().lines().findFirst().orElse(""));
        }
        String src = file.toString();
        if (root == null || !root.isObject()) {
            throw LabValidationException.at(src, "", "is not a YAML map with lab and students");
        }
        keys(src, "", root, KEYS);
        if (!root.path("lab").isTextual()) {
            throw LabValidationException.at(src, "lab", "is required (a built-in lab name or a lab file)");
        }
        Integer parallel = null;
        if (root.has("parallel")) {
            if (!root.get("parallel").canConvertToInt() || root.get("parallel").asInt() < 1) {
                throw LabValidationException.at(src, "parallel", "must be a whole number >= 1");
            }
            parallel = root.get("parallel").asInt();
        }
        JsonNode defaults = root.path("defaults");
        if (!defaults.isMissingNode()) {
            keys(src, "defaults", defaults, Set.of("kubeconfig", "context", "submission"));
        }
        JsonNode list = root.get("students");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw LabValidationException.at(src, "students", "must be a non-empty list");
        }
        Path dir = file.toAbsolutePath().getParent();
        List<Student> students = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            String where = "students[" + i + "]";
            keys(src, where, s, STUDENT_KEYS);
            String id = StudentIds.require(src, where + ".id", s.get("id"));
            ids.add(id);
            String kubeconfig = value(s, defaults, "kubeconfig", id);
            String submission = value(s, defaults, "submission", id);
            Map<String, String> vars = new LinkedHashMap<>();
            if (s.has("vars")) {
                if (!s.get("vars").isObject()) {
                    throw LabValidationException.at(src, where + ".vars", "must be a map of lab variables");
                }
                s.get("vars").fields().forEachRemaining(e -> vars.put(e.getKey(), e.getValue().asText()));
            }
            students.add(new Student(id, kubeconfig == null ? null : dir.resolve(kubeconfig),
                    value(s, defaults, "context", id), submission == null ? null : dir.resolve(submission), vars));
        }
        StudentIds.requireDistinctFiles(src, List.copyOf(ids));
        return new Roster(file, root.get("lab").asText(), parallel, students);
    }

    private static String value(JsonNode student, JsonNode defaults, String key, String id) {
        JsonNode v = student.has(key) ? student.get(key) : defaults.get(key);
        return v == null || v.isNull() ? null : v.asText().replace("${student}", id);
    }

    private static void keys(String src, String where, JsonNode node, Set<String> allowed) {
        if (!node.isObject()) {
            throw LabValidationException.at(src, where, "must be a map");
        }
        node.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                throw LabValidationException.at(src, where.isEmpty() ? k : where + "." + k, "unknown field (allowed: "
                        + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        });
    }

    /** The folder relative lab paths are resolved against. */
    public Path dir() {
        return file.toAbsolutePath().getParent();
    }
}
