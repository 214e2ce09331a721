package io.labctl.grading;

import io.labctl.grading.checks.LabValidationException;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.labctl.grading.Lab.CheckSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Unit tier: lab files are validated with one-line errors naming the file and the field. */
class LabLoaderTest {
    @TempDir
    Path dir;

    private static final String MINIMAL = """
            apiVersion: labctl.io/v1
            kind: Lab
            name: mini
            title: Mini
            vars: {namespace: spark, cluster: spark}
            exercises:
              - id: ex1
                title: One
                steps:
                  - explain: Deploy
                    labctl: spark deploy ${cluster} -n ${namespace} --workers 2
                    kubectl: kubectl apply -f x.yaml
                checks:
                  - id: master
                    type: deployment-ready
                    title: Master
                    points: 2
                    hint: deploy it
                    params: {namespace: "${namespace}", cluster: "${cluster}", role: master}
                  - id: alive
                    type: alive-workers
                    title: Alive
                    points: 3
                    hint: scale
                    requires: [master]
                    params: {namespace: "${namespace}", cluster: "${cluster}", count: 2}
            """;

    @Test
    void builtInLab_loads_andEveryLabsFileIsBuiltIn() throws IOException {
        Lab lab = new LabCatalog(dir).load("spark-k8s");

        assertThat(lab.exercises()).extracting(Lab.Exercise::id).containsExactly("ex1", "ex2", "ex3", "ex4");
        assertThat(lab.maxScore()).isPositive();
        try (Stream<Path> files = Files.list(labsDir())) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - 5))).containsExactlyInAnyOrderElementsOf(LabCatalog.BUILT_IN);
        }
    }

    @Test
    void everyLabsFile_followsTheJsonSchema() throws IOException {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(labsDir().resolve("lab.schema.json")));
        try (Stream<Path> files = Files.list(labsDir())) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                assertThat(schema.validate(Files.readString(file), InputFormat.YAML)).as(file.toString()).isEmpty();
            }
        }
        assertThat(schema.validate(MINIMAL, InputFormat.YAML)).isEmpty();
        assertThat(schema.validate(MINIMAL.replace("points: 2", "points: two"), InputFormat.YAML)).isNotEmpty();
        assertThat(schema.validate(MINIMAL.replace("hint: scale", "hint: scale\n        hnt: typo"), InputFormat.YAML))
                .isNotEmpty();
    }

    @Test
    void minimal_substitutesNothingAtLoad_andKeepsOrder() throws IOException {
        Lab lab = load(MINIMAL);

        assertThat(lab.exercises().get(0).steps().get(0).labctl())
                .containsExactly("spark", "deploy", "${cluster}", "-n", "${namespace}", "--workers", "2");
        assertThat(lab.exercises().get(0).checks()).extracting(CheckSpec::id).containsExactly("master", "alive");
        assertThat(lab.maxScore()).isEqualTo(5.0);
    }

    @Test
    void unknownField_isNamedWithItsPath() {
        assertThatThrownBy(() -> load(MINIMAL.replace("hint: scale", "hint: scale\n        hnt: typo")))
                .isInstanceOf(LabValidationException.class)
                .hasMessageContaining("lab.yaml: exercises[0].checks[1].hnt: unknown field");
    }

    @Test
    void schemaViolation_isOneLine_fileFieldWhatIsWrong() {
        assertThatThrownBy(() -> load(MINIMAL.replace("points: 3", "points: three")))
                .isInstanceOf(LabValidationException.class)
                .hasMessage(dir.resolve("lab.yaml") + ": exercises[0].checks[1].points: must be a number >= 0, not 'three'");
    }

    @Test
    void unknownCheckType_saysWhereToLook() {
        assertThatThrownBy(() -> load(MINIMAL.replace("type: alive-workers", "type: alive-worker")))
                .hasMessageContaining("exercises[0].checks[1].type: unknown check type 'alive-worker'")
                .hasMessageContaining("labctl lab types");
    }

    @Test
    void undeclaredVariable_isRejected() {
        assertThatThrownBy(() -> load(MINIMAL.replace("--workers 2", "--workers ${workers}")))
                .hasMessageContaining("uses ${workers}, which is not declared in vars");
    }

    @Test
    void prerequisiteDeclaredLater_isRejected() {
        assertThatThrownBy(() -> load(MINIMAL.replace("requires: [master]", "requires: [nope]")))
                .hasMessageContaining("ex1.alive.requires: 'nope' is not a check declared before ex1.alive");
    }

    @Test
    void badParams_failAtLoad_notWhileGrading() {
        assertThatThrownBy(() -> load(MINIMAL.replace("count: 2}", "count: two}")))
                .hasMessageContaining("ex1.alive: params.count must be a whole number, not 'two'");
        assertThatThrownBy(() -> load(MINIMAL.replace("count: 2}", "count: 2, cout: 3}")))
                .hasMessageContaining("unknown parameter 'cout'");
    }

    @Test
    void negativePoints_andBadYaml_areOneLineErrors() {
        assertThatThrownBy(() -> load(MINIMAL.replace("points: 2", "points: -1")))
                .hasMessageContaining("checks[0].points: must be a number >= 0");
        assertThatThrownBy(() -> load("exercises: [\n")).hasMessageContaining("lab.yaml:").hasMessageContaining("not valid YAML");
    }

    @Test
    void extends_changesPointsHintsAndVars_andRemovesChecks() throws IOException {
        Files.writeString(dir.resolve("base.yaml"), MINIMAL);
        Lab lab = load("""
                extends: base.yaml
                vars: {namespace: course}
                overrides:
                  ex1.master: {points: 5, hint: "ask in class", visibility: after_due_date}
                  ex1.alive: {remove: true}
                """);

        assertThat(lab.vars()).containsEntry("namespace", "course").containsEntry("cluster", "spark");
        assertThat(lab.exercises().get(0).checks()).singleElement().satisfies(c -> {
            assertThat(c.points()).isEqualTo(5.0);
            assertThat(c.hint()).isEqualTo("ask in class");
            assertThat(c.visibility()).isEqualTo("after_due_date");
        });
    }

    @Test
    void extends_overrideOfAMissingCheck_orAnUnknownVar_isRejected() throws IOException {
        Files.writeString(dir.resolve("base.yaml"), MINIMAL);
        assertThatThrownBy(() -> load("extends: base.yaml\noverrides: {ex1.nope: {points: 1}}\n"))
                .hasMessageContaining("overrides.ex1.nope: no such check in mini");
        assertThatThrownBy(() -> load("extends: base.yaml\nvars: {nmespace: x}\n"))
                .hasMessageContaining("vars.nmespace: is not a variable of mini");
    }

    @Test
    void unknownBuiltIn_listsTheBuiltIns() {
        assertThatThrownBy(() -> new LabCatalog(dir).load("spark"))
                .hasMessageContaining("no built-in lab named 'spark' (built-in: spark-k8s)");
    }

    private Lab load(String yaml) throws IOException {
        Files.writeString(dir.resolve("lab.yaml"), yaml);
        return new LabCatalog(dir).load("lab.yaml");
    }

    private static Path labsDir() {
        return GraderAccess.repoRoot().resolve("labs");
    }
}
