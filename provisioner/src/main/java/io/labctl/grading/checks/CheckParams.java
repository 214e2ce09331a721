package io.labctl.grading.checks;


import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code params} of one check in a lab file, with typed getters that fail with the check's
 * location ("labs/x.yaml: ex3.alive-workers: params.count must be a whole number") instead of a
 * ClassCastException. Variables (${namespace}) are already substituted when a check sees these.
 */
public final class CheckParams {
    private final String where;
    private final Map<String, Object> values;
    private final Set<String> read = new TreeSet<>();

    public CheckParams(String where, Map<String, Object> values) {
        this.where = where;
        this.values = values == null ? Map.of() : values;
    }

    public String where() {
        return where;
    }

    public String string(String key, String fallback) {
        read.add(key);
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Map || v instanceof List) {
            throw invalid(key, "must be a single value, not " + (v instanceof Map ? "a map" : "a list"));
        }
        return v.toString();
    }

    public String requiredString(String key) {
        String v = string(key, null);
        if (v == null || v.isBlank()) {
            throw invalid(key, "is required");
        }
        return v;
    }

    public int integer(String key, int fallback) {
        read.add(key);
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.toString().trim());
        } catch (NumberFormatException e) {
            throw invalid(key, "must be a whole number, not '" + v + "'");
        }
    }

    public boolean bool(String key, boolean fallback) {
        read.add(key);
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        String s = v.toString().trim().toLowerCase(java.util.Locale.ROOT);
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        throw invalid(key, "must be true or false, not '" + v + "'");
    }

    @SuppressWarnings("unchecked")
    public List<String> strings(String key, List<String> fallback) {
        read.add(key);
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(v.toString());
    }

    /** A map value ({@code require: {Deployment: 2}}), keys as strings; values are the check's to validate. */
    public Map<String, Object> map(String key, Map<String, Object> fallback) {
        read.add(key);
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Map<?, ?> map)) {
            throw invalid(key, "must be a map, not '" + v + "'");
        }
        return stringKeys(map);
    }

    /** A list of maps ({@code sections: [{title: ..., keywords: [...]}]}), each as {@link #map} gives it. */
    public List<Map<String, Object>> maps(String key, List<Map<String, Object>> fallback) {
        read.add(key);
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof List<?> list) || !list.stream().allMatch(e -> e instanceof Map)) {
            throw invalid(key, "must be a list of maps, not '" + v + "'");
        }
        return list.stream().map(e -> stringKeys((Map<?, ?>) e)).toList();
    }

    // YAML keys may be numbers or booleans (an unquoted 7077 or yes); checks look them up as text.
    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, value) -> copy.put(String.valueOf(k), value));
        return copy;
    }

    /** Call after building the check: a misspelled parameter must not be silently ignored. */
    public void requireNoUnknown() {
        for (String key : values.keySet()) {
            if (!read.contains(key)) {
                throw new LabValidationException(where + ": unknown parameter '" + key + "' (known: "
                        + String.join(", ", read) + ")");
            }
        }
    }

    /**
     * The error for a value the getters cannot judge (a nested field, a value out of range), in the same
     * form: "labs/x.yaml: ex3.ports: params.sections[1].title is required".
     */
    public LabValidationException invalid(String key, String problem) {
        return new LabValidationException(where + ": params." + key + " " + problem);
    }
}
