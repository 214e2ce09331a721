package io.labctl.grading;

import io.labctl.grading.LabDocument.OverrideDocument;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Unit tier: an extending lab changes its parent's variables and checks, and only those it has. */
class LabInheritanceTest {
    private static final Lab PARENT = new Lab("base", "Base", "base.yaml", Map.of("namespace", "spark"), List.of(
            new Lab.Exercise("ex1", "One", null, List.of(), List.of(
                    check("master", 2), check("alive", 3)))));

    private static Lab.CheckSpec check(String id, double points) {
        return new Lab.CheckSpec(id, "deployment-ready", id, points, "hint " + id, List.of(), Map.of(), List.of("live"),
                "visible");
    }

    private static LabDocument extension(Map<String, Object> vars, Map<String, OverrideDocument> overrides) {
        return LabDocument.of(null, null, null, null, vars, null, "base.yaml", overrides);
    }

    @Test
    void overrides_changePointsHintVisibility_andRemove_keepingEverythingElse() {
        Lab lab = LabInheritance.apply("course.yaml", extension(Map.of("namespace", "course"), Map.of(
                "ex1.master", new OverrideDocument(5.0, "ask in class", "after_due_date", null),
                "ex1.alive", new OverrideDocument(null, null, null, true))), PARENT);

        assertThat(lab.source()).isEqualTo("course.yaml");
        assertThat(lab.name()).isEqualTo("base");
        assertThat(lab.vars()).containsExactly(Map.entry("namespace", "course"));
        assertThat(lab.exercises().get(0).checks()).containsExactly(new Lab.CheckSpec("master", "deployment-ready",
                "master", 5.0, "ask in class", List.of(), Map.of(), List.of("live"), "after_due_date"));
    }

    @Test
    void noOverrides_keepsTheParentsChecksAsTheyAre() {
        Lab lab = LabInheritance.apply("course.yaml", extension(Map.of(), Map.of()), PARENT);

        assertThat(lab.exercises()).isEqualTo(PARENT.exercises());
    }

    @Test
    void overrideOfACheckTheParentDoesNotHave_isRejectedWithAnExample() {
        assertThatThrownBy(() -> LabInheritance.apply("course.yaml", extension(Map.of(),
                Map.of("ex1.nope", new OverrideDocument(1.0, null, null, null))), PARENT))
                .hasMessage("course.yaml: overrides.ex1.nope: no such check in base (use exercise.check, e.g. ex1.master)");
    }

    @Test
    void variableTheParentDoesNotHave_isRejected() {
        assertThatThrownBy(() -> LabInheritance.apply("course.yaml", extension(Map.of("nmespace", "x"), Map.of()), PARENT))
                .hasMessage("course.yaml: vars.nmespace: is not a variable of base (it has: namespace)");
    }
}
