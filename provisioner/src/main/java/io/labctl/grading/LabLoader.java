package io.labctl.grading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.labctl.grading.Lab.CheckSpec;
import io.labctl.grading.Lab.Exercise;
import io.labctl.grading.Lab.Step;
import io.labctl.grading.checks.CheckType;
import io.labctl.grading.files.ShellWords;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and validates lab files (format: labs/README.md, schema: labs/lab.schema.json). Every
 * problem is reported as one line naming the file and the field ("labs/x.yaml: exercises[2].checks[0]:
 * unknown type 'alive-worker' (known: ...)"), before anything is graded.
 *
 * <p>A lab file may {@code extends:} another lab (built-in name or relative path) and then change
 * {@code vars} and, per qualified check id, {@code overrides} of points, hint, visibility, or
 * {@code remove: true}: how instructors adapt points without copying the whole lab.
 */
public final class LabLoader {
    public static final String API_VERSION = "labctl.io/v1";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_]*)}");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Set<String> LAB_KEYS = Set.of("apiVersion", "kind", "name", "title", "vars", "exercises",
            "extends", "overrides");
    private static final Set<String> EXERCISE_KEYS = Set.of("id", "title", "guide", "steps", "checks");
    private static final Set<String> STEP_KEYS = Set.of("explain", "labctl", "kubectl");
    private static final Set<String> CHECK_KEYS = Set.of("id", "type", "title", "points", "hint", "requires", "params",
            "tags", "visibility");
    private static final Set<String> OVERRIDE_KEYS = Set.of("points", "hint", "visibility", "remove");
    private static final Set<String> VISIBILITIES = Set.of("visible", "hidden", "after_due_date", "after_published");

    private final Function<String, Optional<CheckType>> checkTypes;
    /** Reads a lab by name or relative path, for {@code extends}; returns the raw YAML text and its source. */
    private final Function<String, LabSource> parentResolver;

    /** The text of a lab file and where it came from. */
    public record LabSource(String source, String yaml) {
    }

    public LabLoader(Function<String, Optional<CheckType>> checkTypes, Function<String, LabSource> parentResolver) {
        this.checkTypes = checkTypes;
        this.parentResolver = parentResolver;
    }

    public Lab load(LabSource file) {
        return load(file, new LinkedHashSet<>());
    }

    private Lab load(LabSource file, Set<String> chain) {
        if (!chain.add(file.source())) {
            throw invalid(file.source(), "extends", "circular extends: " + String.join(" -> ", chain) + " -> " + file.source());
        }
        JsonNode root = parse(file);
        String src = file.source();
        if (!root.has("extends") && !"Lab".equals(root.path("kind").asText())) {
            // Say nothing of what is in it: --lab or extends: may name any file the user can read.
            throw invalid(src, "", "is not a labctl lab file (it has neither kind: Lab nor extends:)");
        }
        requireKeys(src, "", root, LAB_KEYS);
        if (root.has("extends")) {
            return extend(src, root, chain);
        }
        requireText(src, "apiVersion", root.get("apiVersion"), API_VERSION);
        requireText(src, "kind", root.get("kind"), "Lab");
        String name = id(src, "name", root.get("name"));
        String title = text(src, "title", root.get("title"), true);
        Map<String, String> vars = vars(src, root.get("vars"));
        JsonNode exercisesNode = root.get("exercises");
        if (exercisesNode == null || !exercisesNode.isArray() || exercisesNode.isEmpty()) {
            throw invalid(src, "exercises", "must be a non-empty list");
        }
        List<Exercise> exercises = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < exercisesNode.size(); i++) {
            Exercise ex = exercise(src, "exercises[" + i + "]", exercisesNode.get(i));
            if (!ids.add(ex.id())) {
                throw invalid(src, "exercises[" + i + "].id", "duplicate exercise id '" + ex.id() + "'");
            }
            exercises.add(ex);
        }
        if (root.has("overrides")) {
            throw invalid(src, "overrides", "only a lab that extends another may have overrides");
        }
        Lab lab = new Lab(name, title, src, vars, exercises);
        validateReferences(lab);
        return lab;
    }

    private Lab extend(String src, JsonNode root, Set<String> chain) {
        if (root.has("exercises")) {
            throw invalid(src, "exercises", "a lab that extends another changes it with vars and overrides only");
        }
        String parentRef = text(src, "extends", root.get("extends"), true);
        Lab parent = load(parentResolver.apply(parentRef), chain);
        Map<String, String> vars = new LinkedHashMap<>(parent.vars());
        Map<String, String> own = vars(src, root.get("vars"));
        for (String key : own.keySet()) {
            if (!vars.containsKey(key)) {
                throw invalid(src, "vars." + key, "is not a variable of " + parent.name() + " (it has: "
                        + String.join(", ", parent.vars().keySet()) + ")");
            }
        }
        vars.putAll(own);
        Map<String, JsonNode> overrides = new LinkedHashMap<>();
        JsonNode o = root.get("overrides");
        if (o != null) {
            if (!o.isObject()) {
                throw invalid(src, "overrides", "must be a map from check id (ex3.alive-workers) to changes");
            }
            o.fields().forEachRemaining(e -> overrides.put(e.getKey(), e.getValue()));
        }
        List<Exercise> exercises = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        for (Exercise ex : parent.exercises()) {
            List<CheckSpec> checks = new ArrayList<>();
            for (CheckSpec c : ex.checks()) {
                String qid = ex.id() + "." + c.id();
                JsonNode change = overrides.get(qid);
                if (change == null) {
                    checks.add(c);
                    continue;
                }
                used.add(qid);
                String where = "overrides." + qid;
                requireKeys(src, where, change, OVERRIDE_KEYS);
                if (change.path("remove").asBoolean(false)) {
                    continue;
                }
                double points = change.has("points") ? points(src, where + ".points", change.get("points")) : c.points();
                String hint = change.has("hint") ? text(src, where + ".hint", change.get("hint"), true) : c.hint();
                String visibility = change.has("visibility") ? visibility(src, where + ".visibility", change.get("visibility"))
                        : c.visibility();
                checks.add(new CheckSpec(c.id(), c.type(), c.title(), points, hint, c.requires(), c.params(), c.tags(),
                        visibility));
            }
            exercises.add(new Exercise(ex.id(), ex.title(), ex.guide(), ex.steps(), checks));
        }
        for (String key : overrides.keySet()) {
            if (!used.contains(key)) {
                throw invalid(src, "overrides." + key, "no such check in " + parent.name()
                        + " (use exercise.check, e.g. " + firstCheckId(parent) + ")");
            }
        }
        String name = root.has("name") ? id(src, "name", root.get("name")) : parent.name();
        String title = root.has("title") ? text(src, "title", root.get("title"), true) : parent.title();
        Lab lab = new Lab(name, title, src, vars, exercises);
        validateReferences(lab);
        return lab;
    }

    private static String firstCheckId(Lab lab) {
        return lab.exercises().stream().filter(e -> !e.checks().isEmpty()).findFirst()
                .map(e -> e.id() + "." + e.checks().get(0).id()).orElse("ex1.check");
    }

    private JsonNode parse(LabSource file) {
        try {
            JsonNode root = YAML.readTree(file.yaml());
            if (root == null || !root.isObject()) {
                throw invalid(file.source(), "", "is not a YAML map (expected apiVersion, kind: Lab, name, exercises)");
            }
            return root;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new LabValidationException(file.source() + (line > 0 ? ":" + line : "") + ": not valid YAML: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
    }

    private Exercise exercise(String src, String where, JsonNode node) {
        requireKeys(src, where, node, EXERCISE_KEYS);
        String id = id(src, where + ".id", node.get("id"));
        String title = text(src, where + ".title", node.get("title"), true);
        String guide = text(src, where + ".guide", node.get("guide"), false);
        List<Step> steps = new ArrayList<>();
        JsonNode stepsNode = node.get("steps");
        if (stepsNode != null) {
            requireList(src, where + ".steps", stepsNode);
            for (int i = 0; i < stepsNode.size(); i++) {
                steps.add(step(src, where + ".steps[" + i + "]", stepsNode.get(i)));
            }
        }
        List<CheckSpec> checks = new ArrayList<>();
        JsonNode checksNode = node.get("checks");
        if (checksNode != null) {
            requireList(src, where + ".checks", checksNode);
            Set<String> ids = new LinkedHashSet<>();
            for (int i = 0; i < checksNode.size(); i++) {
                CheckSpec c = check(src, where + ".checks[" + i + "]", checksNode.get(i));
                if (!ids.add(c.id())) {
                    throw invalid(src, where + ".checks[" + i + "].id", "duplicate check id '" + c.id() + "'");
                }
                checks.add(c);
            }
        }
        return new Exercise(id, title, guide, steps, checks);
    }

    private Step step(String src, String where, JsonNode node) {
        requireKeys(src, where, node, STEP_KEYS);
        String explain = text(src, where + ".explain", node.get("explain"), true);
        List<String> labctl = null;
        JsonNode l = node.get("labctl");
        if (l != null) {
            labctl = l.isArray() ? strings(src, where + ".labctl", l)
                    : ShellWords.split(text(src, where + ".labctl", l, true));
            if (labctl.isEmpty()) {
                throw invalid(src, where + ".labctl", "is empty");
            }
            if (labctl.get(0).equals("labctl")) {
                throw invalid(src, where + ".labctl", "starts with 'labctl'; give the arguments only (spark deploy ...)");
            }
        }
        String kubectl = text(src, where + ".kubectl", node.get("kubectl"), false);
        return new Step(explain, labctl, kubectl);
    }

    private CheckSpec check(String src, String where, JsonNode node) {
        requireKeys(src, where, node, CHECK_KEYS);
        String id = id(src, where + ".id", node.get("id"));
        String type = text(src, where + ".type", node.get("type"), true);
        if (checkTypes.apply(type).isEmpty()) {
            throw invalid(src, where + ".type", "unknown check type '" + type + "' (see `labctl lab types`)");
        }
        String title = text(src, where + ".title", node.get("title"), true);
        double points = points(src, where + ".points", node.get("points"));
        String hint = text(src, where + ".hint", node.get("hint"), true);
        List<String> requires = node.has("requires") ? strings(src, where + ".requires", node.get("requires")) : List.of();
        Map<String, Object> params = new LinkedHashMap<>();
        JsonNode p = node.get("params");
        if (p != null) {
            if (!p.isObject()) {
                throw invalid(src, where + ".params", "must be a map");
            }
            params = YAML.convertValue(p, YAML.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
        }
        List<String> tags = node.has("tags") ? strings(src, where + ".tags", node.get("tags")) : List.of();
        String visibility = node.has("visibility") ? visibility(src, where + ".visibility", node.get("visibility")) : "visible";
        return new CheckSpec(id, type, title, points, hint, requires, params, tags, visibility);
    }

    /** Requires point at existing checks of the same or an earlier exercise; variables are all declared. */
    private void validateReferences(Lab lab) {
        Set<String> seen = new LinkedHashSet<>();
        for (Exercise ex : lab.exercises()) {
            for (CheckSpec c : ex.checks()) {
                String qid = ex.id() + "." + c.id();
                for (String r : c.requires()) {
                    String target = r.contains(".") ? r : ex.id() + "." + r;
                    if (!seen.contains(target)) {
                        throw invalid(lab.source(), qid + ".requires", "'" + r + "' is not a check declared before "
                                + qid + " (prerequisites come first in the lab)");
                    }
                }
                seen.add(qid);
                checkVars(lab, qid + ".params", c.params());
                // Build the check once with the default variables: bad params fail now, not mid-grading.
                Grader.instantiate(checkTypes.apply(c.type()).orElseThrow(), c, qid, lab, lab.vars());
                checkVars(lab, qid + ".hint", c.hint());
                checkVars(lab, qid + ".title", c.title());
            }
            for (Step s : ex.steps()) {
                checkVars(lab, ex.id() + ".steps", s.explain());
                checkVars(lab, ex.id() + ".steps", s.kubectl());
                if (s.labctl() != null) {
                    s.labctl().forEach(a -> checkVars(lab, ex.id() + ".steps", a));
                }
            }
            checkVars(lab, ex.id() + ".guide", ex.guide());
        }
    }

    private static void checkVars(Lab lab, String where, Object value) {
        if (value instanceof String s) {
            Matcher m = VAR.matcher(s);
            while (m.find()) {
                if (!lab.vars().containsKey(m.group(1))) {
                    throw invalid(lab.source(), where, "uses ${" + m.group(1) + "}, which is not declared in vars");
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> checkVars(lab, where, v));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> checkVars(lab, where, v));
        }
    }

    private static Map<String, String> vars(String src, JsonNode node) {
        Map<String, String> vars = new LinkedHashMap<>();
        if (node == null) {
            return vars;
        }
        if (!node.isObject()) {
            throw invalid(src, "vars", "must be a map of name: default value");
        }
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().matches("[A-Za-z][A-Za-z0-9_]*")) {
                throw invalid(src, "vars." + e.getKey(), "is not a valid variable name (letters, digits, _)");
            }
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw invalid(src, "vars." + e.getKey(), "must have a single default value");
            }
            vars.put(e.getKey(), e.getValue().asText());
        }
        return vars;
    }

    private static void requireKeys(String src, String where, JsonNode node, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            throw invalid(src, where, "must be a map");
        }
        node.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                throw invalid(src, where.isEmpty() ? k : where + "." + k, "unknown field (allowed: "
                        + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        });
    }

    private static void requireList(String src, String where, JsonNode node) {
        if (!node.isArray()) {
            throw invalid(src, where, "must be a list");
        }
    }

    private static void requireText(String src, String where, JsonNode node, String expected) {
        if (node == null || !expected.equals(node.asText())) {
            throw invalid(src, where, "must be '" + expected + "'" + (node == null ? " (missing)" : ", not '" + node.asText() + "'"));
        }
    }

    private static String id(String src, String where, JsonNode node) {
        String id = text(src, where, node, true);
        if (!ID.matcher(id).matches()) {
            throw invalid(src, where, "'" + id + "' must be lower case letters, digits and dashes");
        }
        return id;
    }

    private static String text(String src, String where, JsonNode node, boolean required) {
        if (node == null || node.isNull()) {
            if (required) {
                throw invalid(src, where, "is required");
            }
            return null;
        }
        if (!node.isValueNode()) {
            throw invalid(src, where, "must be text");
        }
        return node.asText();
    }

    private static double points(String src, String where, JsonNode node) {
        if (node == null || !node.isNumber() || node.asDouble() < 0) {
            throw invalid(src, where, "must be a number >= 0" + (node == null ? " (missing)" : ", not '" + node.asText() + "'"));
        }
        return node.asDouble();
    }

    private static String visibility(String src, String where, JsonNode node) {
        String v = text(src, where, node, true);
        if (!VISIBILITIES.contains(v)) {
            throw invalid(src, where, "must be one of " + new java.util.TreeSet<>(VISIBILITIES) + ", not '" + v + "'");
        }
        return v;
    }

    private static List<String> strings(String src, String where, JsonNode node) {
        if (!node.isArray()) {
            throw invalid(src, where, "must be a list");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode n : node) {
            if (!n.isValueNode()) {
                throw invalid(src, where, "must be a list of plain values");
            }
            out.add(n.asText());
        }
        return out;
    }

    static LabValidationException invalid(String src, String where, String problem) {
        return new LabValidationException(src + ": " + (where.isEmpty() ? "" : where + ": ") + problem);
    }

    /** Substitutes ${var} in text; unknown variables were rejected when the lab was loaded. */
    public static String substitute(String text, Map<String, String> vars) {
        if (text == null) {
            return null;
        }
        Matcher m = VAR.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(vars.getOrDefault(m.group(1), m.group())));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Substitutes variables in every string of a params tree. */
    public static Object substituteTree(Object value, Map<String, String> vars) {
        if (value instanceof String s) {
            return substitute(s, vars);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), substituteTree(v, vars)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> substituteTree(v, vars)).toList();
        }
        return value;
    }

    /** Unused-variable guard for callers that set variables ({@code --set}, rosters). */
    public static void requireKnownVars(Lab lab, Map<String, String> given, String origin) {
        for (String key : given.keySet()) {
            if (!lab.vars().containsKey(key)) {
                throw new LabValidationException(origin + ": '" + key + "' is not a variable of lab " + lab.name()
                        + " (it has: " + String.join(", ", lab.vars().keySet()) + ")");
            }
        }
    }
}
