package io.labctl.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.labctl.grading.checks.LabValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Unit tier: the shipped JSON Schema, applied as labctl applies it, reports each violation as one line
 * {@code file: field: what is wrong} in labctl's words (not the validator's keywords).
 */
class LabSchemaTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final String LAB = """
            apiVersion: labctl.io/v1
            kind: Lab
            name: mini
            title: Mini
            vars: {namespace: spark}
            exercises:
              - id: ex1
                title: One
                steps:
                  - {explain: Deploy, labctl: spark deploy s, kubectl: kubectl apply -f x.yaml}
                checks:
                  - {id: master, type: deployment-ready, title: Master, points: 2, hint: deploy it}
            """;

    @Test
    void validLab_passes() {
        assertThatCode(() -> validate(LAB, LabSchema.Form.LAB)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "points: 2|points: two|exercises[0].checks[0].points: must be a number >= 0, not 'two'",
            "points: 2|points: -1|exercises[0].checks[0].points: must be a number >= 0, not '-1'",
            "hint: deploy it|hint: deploy it, visibility: public|exercises[0].checks[0].visibility: must be one of "
                    + "[after_due_date, after_published, hidden, visible], not 'public'",
            "hint: deploy it|hint: deploy it, hnt: typo|exercises[0].checks[0].hnt: unknown field (allowed: hint, id, "
                    + "params, points, requires, review, tags, title, type, visibility)",
            ", hint: deploy it||exercises[0].checks[0].hint: is required",
            "id: ex1|id: Ex_1|exercises[0].id: 'Ex_1' must be lower case letters, digits and dashes",
            "labctl: spark deploy s|labctl: labctl spark deploy s|exercises[0].steps[0].labctl: starts with 'labctl'; "
                    + "give the arguments only (spark deploy ...)",
            "labctl: spark deploy s|labctl: {spark: deploy}|exercises[0].steps[0].labctl: must be labctl's arguments, "
                    + "as text or as a list",
            "apiVersion: labctl.io/v1|apiVersion: labctl.io/v2|apiVersion: must be 'labctl.io/v1', not 'labctl.io/v2'",
            "namespace: spark|namespace: [a, b]|vars.namespace: must have a single default value",
            "namespace: spark|name-space: spark|vars.name-space: is not a valid variable name (letters, digits, _)",
            "title: One|title: [One]|exercises[0].title: must be text",
    })
    void violation_isOneLine_namingFileAndField(String from, String to, String expected) {
        String yaml = LAB.replace(from, to == null ? "" : to);
        assertThat(yaml).isNotEqualTo(LAB);

        LabValidationException e = catchThrowableOfType(LabValidationException.class,
                () -> validate(yaml, LabSchema.Form.LAB));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).isEqualTo("lab.yaml: " + expected).doesNotContain("\n");
    }

    @Test
    void extension_isValidatedAgainstItsOwnForm() {
        String extension = "extends: spark-k8s\noverrides:\n  ex3.master: {points: 2, pionts: 3}\n";

        LabValidationException e = catchThrowableOfType(LabValidationException.class,
                () -> validate(extension, LabSchema.Form.EXTENSION));

        assertThat(e.getMessage()).isEqualTo(
                "lab.yaml: overrides.ex3.master.pionts: unknown field (allowed: hint, points, remove, review, visibility)");
    }

    /** The proof LabLoader relies on when it loads a built-in lab without the validator (LabSource.shipped). */
    @Test
    void everyBuiltInLab_matchesTheSchema() throws Exception {
        for (String name : LabCatalog.BUILT_IN) {
            LabLoader.LabSource source = new LabCatalog(java.nio.file.Path.of(".")).source(name);
            assertThat(source.shipped()).as(name).isTrue();
            assertThatCode(() -> LabSchema.shipped().validate(source.source(), YAML.readTree(source.yaml()),
                    LabSchema.Form.LAB)).as(name).doesNotThrowAnyException();
        }
    }

    private static void validate(String yaml, LabSchema.Form form) throws Exception {
        JsonNode node = YAML.readTree(yaml);
        LabSchema.shipped().validate("lab.yaml", node, form);
    }
}
