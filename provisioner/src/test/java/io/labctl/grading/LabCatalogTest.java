package io.labctl.grading;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Unit tier: labs found by built-in name or path; {@code extends:} paths are relative to the extending file. */
class LabCatalogTest {
    @TempDir
    Path dir;

    private static String lab(String name) {
        return """
                apiVersion: labctl.io/v1
                kind: Lab
                name: %s
                title: %s
                vars: {namespace: spark}
                exercises:
                  - id: ex1
                    title: One
                    checks:
                      - {id: nodes, type: nodes-ready, title: Nodes, points: 1, hint: start it}
                """.formatted(name, name);
    }

    @Test
    void extends_relativePath_resolvesAgainstTheExtendingFile_notTheCatalogFolder() throws IOException {
        // Given a base.yaml beside the extending lab, and another base.yaml where the catalog (the working directory) is
        Files.createDirectories(dir.resolve("course"));
        Files.writeString(dir.resolve("course/base.yaml"), lab("beside"));
        Files.writeString(dir.resolve("base.yaml"), lab("working-directory"));
        Files.writeString(dir.resolve("course/lab.yaml"), "extends: base.yaml\nvars: {namespace: course}\n");

        // When the lab is loaded through a path from the catalog's folder
        Lab lab = new LabCatalog(dir).load("course/lab.yaml");

        // Then its parent is the file beside it
        assertThat(lab.name()).isEqualTo("beside");
        assertThat(lab.vars()).containsEntry("namespace", "course");
    }

    @Test
    void extends_chainOfRelativePaths_eachRelativeToItsOwnFile() throws IOException {
        Files.createDirectories(dir.resolve("course/2026"));
        Files.createDirectories(dir.resolve("shared"));
        Files.writeString(dir.resolve("shared/base.yaml"), lab("shared"));
        Files.writeString(dir.resolve("course/middle.yaml"), "extends: ../shared/base.yaml\nname: middle\n");
        Files.writeString(dir.resolve("course/2026/lab.yaml"), "extends: ../middle.yaml\n");

        Lab lab = new LabCatalog(dir).load("course/2026/lab.yaml");

        assertThat(lab.name()).isEqualTo("middle");
        assertThat(lab.exercises()).singleElement().extracting(Lab.Exercise::id).isEqualTo("ex1");
    }

    @Test
    void extends_missingParent_namesThePathItLookedAt() throws IOException {
        Files.createDirectories(dir.resolve("course"));
        Files.writeString(dir.resolve("course/lab.yaml"), "extends: base.yaml\n");

        assertThatThrownBy(() -> new LabCatalog(dir).load("course/lab.yaml"))
                .hasMessageContaining("lab file " + dir.resolve("course").toAbsolutePath().resolve("base.yaml")
                        + " does not exist");
    }

    @Test
    void extends_builtInName_isTheBuiltInLab() throws IOException {
        Files.writeString(dir.resolve("lab.yaml"), "extends: spark-k8s\noverrides: {ex4.torn-down: {remove: true}}\n");

        Lab lab = new LabCatalog(dir).load("lab.yaml");

        assertThat(lab.name()).isEqualTo("spark-k8s");
        assertThat(lab.exercise("ex4").orElseThrow().checks()).extracting(Lab.CheckSpec::id).doesNotContain("torn-down");
    }
}
