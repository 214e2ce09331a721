package io.labctl.grading.files;

import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckParams;
import io.labctl.grading.checks.GradingContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code yaml-kinds}: the submitted YAML has at least the required number of objects of each kind (param
 * {@code require}: kind to minimum count, default Deployment 2 and Service 1). Objects are counted once
 * each by kind, namespace and name, so a commented copy of the manifests does not double them. One part
 * per kind.
 */
public final class YamlKindsCheck implements YamlObjectsCheck {
    private final Map<String, Integer> require = new LinkedHashMap<>();

    public YamlKindsCheck(CheckParams params) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("Deployment", 2);
        defaults.put("Service", 1);
        Map<String, Object> given = params.map("require", defaults);
        params.requireNoUnknown();
        if (given.isEmpty()) {
            throw params.invalid("require", "must name at least one kind");
        }
        given.forEach((kind, count) -> require.put(kind, minimum(params, kind, count)));
    }

    private static int minimum(CheckParams params, String kind, Object count) {
        try {
            int n = Integer.parseInt(String.valueOf(count).trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the lab file's location
        }
        throw params.invalid("require." + kind, "must be a whole number of at least 1, not '" + count + "'");
    }

    @Override
    public CheckOutcome evaluate(GradingContext context, KubeYamlFiles yaml) {
        List<String> observed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int earned = 0;
        for (Map.Entry<String, Integer> required : require.entrySet()) {
            String kind = required.getKey();
            List<String> names = yaml.distinct(kind).stream().map(KubeObject::name).toList();
            observed.add(kind + ": " + names.size() + (names.isEmpty() ? "" : " " + names));
            if (names.size() >= required.getValue()) {
                earned++;
                continue;
            }
            // The API server knows kinds only with their exact case.
            String miscased = yaml.distinctObjects().stream().map(KubeObject::kind)
                    .filter(k -> k.equalsIgnoreCase(kind) && !k.equals(kind)).findFirst()
                    .map(k -> " ('" + k + "' must be written '" + kind + "')").orElse("");
            problems.add("found " + names.size() + " " + kind + ", the lab asks for at least " + required.getValue()
                    + miscased);
        }
        return CheckOutcome.parts(earned, require.size(), String.join("; ", observed),
                problems.isEmpty() ? null : String.join("; ", problems));
    }
}
