package io.labctl.grading.files;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz tier (coverage-guided, Jazzer): any bytes named Dockerfile are decoded and parsed without an exception,
 * and every view a check takes of the result works. In the normal build only the seeds in
 * {@code DockerfileFuzzTestInputs/} run (regression mode); {@code provisioner/fuzz} fuzzes for a time budget.
 * A slow input shows up as a libFuzzer timeout while fuzzing and as a slow seed here.
 */
class DockerfileFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parse(byte[] input) {
        String text = TextDecoding.decode(input).orElse("");
        Dockerfile dockerfile = Dockerfile.parse("Dockerfile", text);
        for (Dockerfile.Stage stage : dockerfile.stages()) {
            assertThat(stage.describeFrom()).isNotNull();
            stage.from().words();
            for (Dockerfile.Instruction instruction : stage.instructions()) {
                instruction.words();
                instruction.operands();
                instruction.shellText();
                assertThat(instruction.describe().length()).isLessThanOrEqualTo(instruction.file().length() + 12 + 100);
            }
        }
        dockerfile.chain();
        dockerfile.builtFrom().ifPresent(ImageRef::pinned);
        VariableExpansion.expand(text, Map.of("A", "1", "B", ""));
    }
}
