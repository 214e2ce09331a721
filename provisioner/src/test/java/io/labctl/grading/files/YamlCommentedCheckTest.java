package io.labctl.grading.files;

import io.labctl.grading.checks.CheckStatus;
import io.labctl.grading.checks.LabValidationException;
import io.labctl.grading.checks.CheckOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tier: unit. */
class YamlCommentedCheckTest {
    static final String TYPE = "yaml-commented";

    @TempDir
    Path dir;

    @Test
    void reference_passes_namingThePair() {
        assertThat(SubmissionFixture.reference(dir).run(TYPE))
                .isEqualTo(CheckOutcome.pass("spark-commented.yaml: 13 comment lines, the commented copy of spark.yaml"));
    }

    @Test
    void uncommentedOnly_onlyThisCheckFails_withHint() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).delete("spark-commented.yaml");

        CheckOutcome outcome = fixture.run(TYPE);

        assertThat(outcome).isEqualTo(CheckOutcome.fail("no YAML file has 5 comment lines; the most: spark.yaml with 0",
                "submit a commented copy of the manifests (e.g. spark-commented.yaml) that explains each part in #"
                        + " comments: the lab asks for the YAML files and a commented version"));
        assertThat(fixture.notPassed()).containsOnlyKeys(TYPE);
    }

    @Test
    void commentedFile_pairedWithTheUncommentedFilesHoldingItsObjects() {
        String[] documents = SubmissionFixture.YAML.split("---\n");
        SubmissionFixture fixture = SubmissionFixture.reference(dir).delete("spark.yaml")
                .write("master.yaml", documents[0]).write("worker.yaml", documents[1]).write("service.yaml", documents[2]);

        assertThat(fixture.run(TYPE).observed())
                .isEqualTo("spark-commented.yaml: 13 comment lines, the commented copy of master.yaml, service.yaml, worker.yaml");
    }

    @Test
    void commentLines_countWholeLineAndTrailingComments_notHashesInValues() {
        assertThat(YamlCommentedCheck.commentLines("""
                # whole line
                  # indented
                replicas: 2 # trailing
                image: "spark#1" # after a quoted hash
                label: 'it''s # not a comment'
                url: http://host/#anchor
                note: it's # a comment after an apostrophe
                args: ["a # b", 'c']
                color: '#fff'
                """)).isEqualTo(5);
    }

    @Test
    void minCommentsParam() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir);

        assertThat(fixture.run(TYPE, Map.of("minComments", 14)).status()).isEqualTo(CheckStatus.FAILED);
        assertThatThrownBy(() -> fixture.run(TYPE, Map.of("minComments", 0))).isInstanceOf(LabValidationException.class)
                .hasMessage("test.yaml: yaml-commented: params.minComments must be at least 1, not 0");
    }

    @Test
    void randomBytesNamedYaml_isNotACommentedCopy_andDoesNotParse() throws java.io.IOException {
        // Given the reference without its commented copy, and 300 KB of random bytes named spark-commented.yaml
        // (random bytes have a '#' after a blank or at a line start often enough to pass as 1,000 comment lines)
        SubmissionFixture fixture = SubmissionFixture.reference(dir).delete("spark-commented.yaml");
        byte[] random = new byte[300 * 1024];
        new java.util.Random(1).nextBytes(random);
        java.nio.file.Files.write(dir.resolve("spark-commented.yaml"), random);

        // When graded, Then it is no commented copy, and yaml-valid names it as not text
        assertThat(fixture.run(TYPE).status()).isEqualTo(CheckStatus.FAILED);
        CheckOutcome valid = fixture.run("yaml-valid");
        assertThat(valid.status()).isEqualTo(CheckStatus.PARTIAL);
        assertThat(valid.observed()).contains("spark-commented.yaml: not text");
    }
}
