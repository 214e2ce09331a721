package io.labctl.grading;

import io.labctl.grading.checks.LabValidationException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Unit tier: ${name} substitution, and the guards that every variable used or set is declared. */
class LabVariablesTest {
    private static final Lab LAB = new Lab("mini", "Mini", "lab.yaml", Map.of("namespace", "spark"), List.of(
            new Lab.Exercise("ex1", "One ${namespace}", "guide", List.of(), List.of(
                    new Lab.CheckSpec("nodes", "nodes-ready", "Nodes in ${namespace}", 1, "hint", List.of(),
                            Map.of("deep", List.of(Map.of("ns", "${namespace}"))), List.of(), "visible")))));

    @Test
    void substitute_replacesDeclared_andLeavesUnknownAsWritten() {
        assertThat(LabVariables.substitute("kubectl -n ${namespace} get ${kind} $namespace",
                Map.of("namespace", "lab3"))).isEqualTo("kubectl -n lab3 get ${kind} $namespace");
    }

    @Test
    void substitute_valueWithDollarAndBackslash_isTakenLiterally() {
        assertThat(LabVariables.substitute("${a}", Map.of("a", "$1\\x"))).isEqualTo("$1\\x");
    }

    @Test
    void substituteTree_reachesStringsInNestedMapsAndLists_andKeepsOtherValues() {
        Object tree = LabVariables.substituteTree(Map.of("clusters", List.of("${c}", 3), "m", Map.of("k", "${c}-b")),
                Map.of("c", "spark"));

        assertThat(tree).isEqualTo(Map.of("clusters", List.of("spark", 3), "m", Map.of("k", "spark-b")));
    }

    @Test
    void requireDeclared_variableInNestedParams_isNamedWithTheCheck() {
        Lab lab = new Lab("mini", "Mini", "lab.yaml", Map.of(), LAB.exercises());

        assertThatThrownBy(() -> LabVariables.requireDeclared(lab)).isInstanceOf(LabValidationException.class)
                .hasMessage("lab.yaml: ex1.nodes.params: uses ${namespace}, which is not declared in vars");
    }

    @Test
    void requireDeclared_allDeclared_passes() {
        LabVariables.requireDeclared(LAB);
    }

    @Test
    void requireKnown_aVariableTheLabDoesNotHave_saysWhichItHas() {
        assertThatThrownBy(() -> LabVariables.requireKnown(LAB, Map.of("nmespace", "x"), "--set"))
                .hasMessage("--set: 'nmespace' is not a variable of lab mini (it has: namespace)");
    }

    @Test
    void defaults_numbersAndBooleans_becomeText() {
        assertThat(LabVariables.defaults(Map.of("n", 2, "b", true, "s", "x")))
                .containsEntry("n", "2").containsEntry("b", "true").containsEntry("s", "x");
    }
}
