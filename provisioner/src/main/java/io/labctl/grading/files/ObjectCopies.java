package io.labctl.grading.files;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where two copies of one Kubernetes object (same kind, namespace and name, in two files) differ: every field set in
 * either copy must be set to the same value in the other. Lists are compared item by item, maps key by key; a
 * field's path is written as kubectl explain writes it ({@code spec.template.spec.containers[0].image}).
 */
final class ObjectCopies {
    private ObjectCopies() {
    }

    /** One field that differs: its path and its value in each copy (null when the copy does not set it). */
    record Difference(String path, JsonNode applied, JsonNode other) {
        /** "spec.replicas: 2 in spark.yaml, 3 in spark-commented.yaml". */
        String describe(KubeObject appliedCopy, KubeObject otherCopy) {
            return path + ": " + shown(applied) + " in " + where(appliedCopy, path, applied) + ", " + shown(other)
                    + " in " + where(otherCopy, path, other);
        }

        private static String shown(JsonNode value) {
            if (value == null) {
                return "not set";
            }
            String text = value.isValueNode() ? value.asText() : value.toString();
            return text.length() > 60 ? text.substring(0, 57) + "..." : text;
        }

        private static String where(KubeObject copy, String path, JsonNode value) {
            String key = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[\\d+]$", "");
            int line = value != null && value.isValueNode() ? copy.lineOf(key, value.asText()) : copy.line();
            return copy.file() + ":" + line;
        }
    }

    /** The differences between two copies, in the order of the applied copy's fields. */
    static List<Difference> differences(KubeObject applied, KubeObject other) {
        List<Difference> differences = new ArrayList<>();
        compare("", applied.node(), other.node(), differences);
        return differences;
    }

    private static void compare(String path, JsonNode a, JsonNode b, List<Difference> out) {
        if (a != null && b != null && a.isObject() && b.isObject()) {
            Set<String> keys = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                compare(path.isEmpty() ? key : path + "." + key, a.get(key), b.get(key), out);
            }
        } else if (a != null && b != null && a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                compare(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
        } else if (!same(a, b)) {
            out.add(new Difference(path, a, b));
        }
    }

    /** Equal values; a number and the same number written as text ({@code 7077}, {@code "7077"}) are not. */
    private static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.equals(b);
    }
}
