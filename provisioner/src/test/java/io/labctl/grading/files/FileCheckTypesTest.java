package io.labctl.grading.files;

import io.labctl.grading.checks.LabValidationException;
import io.labctl.grading.checks.CheckParams;
import io.labctl.grading.checks.CheckTarget;
import io.labctl.grading.checks.CheckType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tier: unit. */
class FileCheckTypesTest {
    @TempDir
    Path dir;

    @Test
    void all_uniqueNamesAllOnFiles_everyTypeInTheReferenceLab() {
        assertThat(FileCheckTypes.all()).extracting(CheckType::name).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(SubmissionFixture.LAB.values().stream()
                        .map(SubmissionFixture.LabCheck::type).distinct().toList());
        assertThat(FileCheckTypes.all()).allSatisfy(t -> {
            assertThat(t.target()).isEqualTo(CheckTarget.FILES);
            assertThat(t.description()).isNotBlank().doesNotContain("\n");
        });
    }

    @Test
    void referenceSubmission_passesEveryCheckWithFullPoints() {
        SubmissionFixture reference = SubmissionFixture.reference(dir);

        SubmissionFixture.LAB.keySet().forEach(label -> assertThat(reference.runLab(label)).as(label)
                .satisfies(o -> {
                    assertThat(o.fraction()).isEqualTo(1.0);
                    assertThat(o.hint()).isNull();
                    assertThat(o.observed()).isNotBlank();
                }));
        assertThat(reference.notPassed()).isEmpty();
    }

    @Test
    void unknownParam_isRejectedByEveryType_namingIt() {
        for (SubmissionFixture.LabCheck check : SubmissionFixture.LAB.values()) {
            Map<String, Object> params = new HashMap<>(check.params());
            params.put("colour", "blue");
            CheckType type = FileCheckTypes.all().stream().filter(t -> t.name().equals(check.type())).findFirst()
                    .orElseThrow();

            assertThatThrownBy(() -> type.factory().apply(new CheckParams("labs/lab3.yaml: ex2.x", params)))
                    .as(check.type()).isInstanceOf(LabValidationException.class)
                    .hasMessageStartingWith("labs/lab3.yaml: ex2.x: unknown parameter 'colour'");
        }
    }
}
