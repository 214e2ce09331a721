package io.labctl.grading;

import io.labctl.grading.Lab.CheckSpec;
import io.labctl.grading.Lab.Exercise;
import io.labctl.grading.Lab.Step;
import io.labctl.grading.checks.LabValidationException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lab's variables: {@code ${name}} in steps, titles, hints, guides and check params, with defaults in the lab's
 * {@code vars} and values from {@code --set}, a roster or an extending lab. Every use must be declared, checked when
 * the lab is loaded, so a typo fails then rather than grading against a literal "${namespce}".
 */
public final class LabVariables {
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_]*)}");

    private LabVariables() {
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

    /** Every ${name} the lab uses is one of its variables. */
    static void requireDeclared(Lab lab) {
        for (Exercise ex : lab.exercises()) {
            for (CheckSpec c : ex.checks()) {
                String qid = ex.id() + "." + c.id();
                requireDeclared(lab, qid + ".params", c.params());
                requireDeclared(lab, qid + ".hint", c.hint());
                requireDeclared(lab, qid + ".title", c.title());
            }
            for (Step s : ex.steps()) {
                requireDeclared(lab, ex.id() + ".steps", s.explain());
                requireDeclared(lab, ex.id() + ".steps", s.kubectl());
                if (s.labctl() != null) {
                    s.labctl().forEach(a -> requireDeclared(lab, ex.id() + ".steps", a));
                }
            }
            requireDeclared(lab, ex.id() + ".guide", ex.guide());
        }
    }

    private static void requireDeclared(Lab lab, String where, Object value) {
        if (value instanceof String s) {
            Matcher m = VAR.matcher(s);
            while (m.find()) {
                if (!lab.vars().containsKey(m.group(1))) {
                    throw LabValidationException.at(lab.source(), where, "uses ${" + m.group(1)
                            + "}, which is not declared in vars");
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> requireDeclared(lab, where, v));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> requireDeclared(lab, where, v));
        }
    }

    /** Unused-variable guard for callers that set variables ({@code --set}, rosters). */
    public static void requireKnown(Lab lab, Map<String, String> given, String origin) {
        for (String key : given.keySet()) {
            if (!lab.vars().containsKey(key)) {
                throw new LabValidationException(origin + ": '" + key + "' is not a variable of lab " + lab.name()
                        + " (it has: " + String.join(", ", lab.vars().keySet()) + ")");
            }
        }
    }

    /** The defaults of a lab file's {@code vars}, as text (the schema allows text, numbers and booleans). */
    static Map<String, String> defaults(Map<String, Object> declared) {
        Map<String, String> vars = new LinkedHashMap<>();
        declared.forEach((k, v) -> vars.put(k, String.valueOf(v)));
        return vars;
    }
}
