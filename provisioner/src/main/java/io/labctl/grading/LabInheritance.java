package io.labctl.grading;

import io.labctl.grading.Lab.CheckSpec;
import io.labctl.grading.Lab.Exercise;
import io.labctl.grading.LabDocument.OverrideDocument;
import io.labctl.grading.checks.LabValidationException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code extends:}: a lab that changes another without copying it, which is how instructors adapt points, hints
 * and visibility to their course. The extending lab may set the parent's variables (not add new ones) and, per
 * qualified check id, override points, hint and visibility or {@code remove: true} the check; its name and title
 * replace the parent's when given.
 */
final class LabInheritance {
    private LabInheritance() {
    }

    /** The parent with the extension's changes; the extension is {@code source}. */
    static Lab apply(String source, LabDocument extension, Lab parent) {
        Map<String, String> vars = new LinkedHashMap<>(parent.vars());
        for (Map.Entry<String, String> own : LabVariables.defaults(extension.vars()).entrySet()) {
            if (!vars.containsKey(own.getKey())) {
                throw LabValidationException.at(source, "vars." + own.getKey(), "is not a variable of " + parent.name()
                        + " (it has: " + String.join(", ", parent.vars().keySet()) + ")");
            }
            vars.put(own.getKey(), own.getValue());
        }
        Map<String, OverrideDocument> overrides = extension.overrides();
        List<Exercise> exercises = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        for (Exercise ex : parent.exercises()) {
            List<CheckSpec> checks = new ArrayList<>();
            for (CheckSpec c : ex.checks()) {
                String qid = ex.id() + "." + c.id();
                OverrideDocument change = overrides.get(qid);
                if (change != null) {
                    used.add(qid);
                }
                if (change == null || !change.removes()) {
                    checks.add(change == null ? c : overridden(c, change));
                }
            }
            exercises.add(new Exercise(ex.id(), ex.title(), ex.guide(), ex.steps(), checks));
        }
        for (String key : overrides.keySet()) {
            if (!used.contains(key)) {
                throw LabValidationException.at(source, "overrides." + key, "no such check in " + parent.name()
                        + " (use exercise.check, e.g. " + firstCheckId(parent) + ")");
            }
        }
        String name = extension.name() != null ? extension.name() : parent.name();
        String title = extension.title() != null ? extension.title() : parent.title();
        return new Lab(name, title, source, vars, exercises);
    }

    private static CheckSpec overridden(CheckSpec c, OverrideDocument change) {
        return new CheckSpec(c.id(), c.type(), c.title(),
                change.points() != null ? change.points() : c.points(),
                change.hint() != null ? change.hint() : c.hint(),
                c.requires(), c.params(), c.tags(),
                change.visibility() != null ? change.visibility() : c.visibility(),
                change.review() != null ? change.review() : c.review());
    }

    private static String firstCheckId(Lab lab) {
        return lab.exercises().stream().filter(e -> !e.checks().isEmpty()).findFirst()
                .map(e -> e.id() + "." + e.checks().get(0).id()).orElse("ex1.check");
    }
}
