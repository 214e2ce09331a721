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
class ImagesPinnedCheckTest {
    static final String TYPE = "images-pinned";

    @TempDir
    Path dir;

    @Test
    void reference_passes_listingTheImages() {
        assertThat(SubmissionFixture.reference(dir).run(TYPE)).isEqualTo(CheckOutcome.pass("4 images, all pinned:"
                + " ubuntu:22.04, labctl/spark-base:3.5.7, labctl/spark-master:3.5.7, labctl/spark-worker:3.5.7"));
    }

    @Test
    void fromUbuntuUntagged_failsHere_andForTheBaseImage() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir)
                .replace("base/Dockerfile", "ARG BASE_IMAGE=ubuntu:22.04", "ARG BASE_IMAGE=ubuntu");
        int from = fixture.line("base/Dockerfile", "FROM ${BASE_IMAGE}");

        CheckOutcome outcome = fixture.run(TYPE);

        assertThat(outcome.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(outcome.observed()).isEqualTo("not pinned: base/Dockerfile:" + from + " FROM ubuntu (${BASE_IMAGE})");
        assertThat(outcome.hint()).contains("imagePullPolicy: Always", "the image you loaded into the cluster is ignored");
        // an untagged ubuntu is not ubuntu:22.04 either
        assertThat(fixture.notPassed()).containsOnlyKeys(TYPE, "dockerfile-base-image");
    }

    @Test
    void fromLatest_fails() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).write("base/Dockerfile", "FROM ubuntu:latest AS os\nFROM os\n");

        assertThat(fixture.run(TYPE).observed()).isEqualTo("not pinned: base/Dockerfile:1 FROM ubuntu:latest");
    }

    @Test
    void yamlImageLatest_onlyThisCheckFails_namingFileAndLine() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir)
                .replaceInYaml("image: labctl/spark-worker:3.5.7", "image: labctl/spark-worker:latest");
        int plain = fixture.line("spark.yaml", "          image: labctl/spark-worker:latest");
        int commented = fixture.line("spark-commented.yaml", "          image: labctl/spark-worker:latest");

        CheckOutcome outcome = fixture.run(TYPE);

        assertThat(outcome.observed()).isEqualTo("not pinned:"
                + " spark-commented.yaml:" + commented + " image: labctl/spark-worker:latest (Deployment spark-worker);"
                + " spark.yaml:" + plain + " image: labctl/spark-worker:latest (Deployment spark-worker)");
        assertThat(fixture.notPassed()).containsOnlyKeys(TYPE);
    }

    @Test
    void includeYamlFalse_looksOnlyAtDockerfiles() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir)
                .replaceInYaml("image: labctl/spark-worker:3.5.7", "image: labctl/spark-worker");

        assertThat(fixture.run(TYPE, Map.of("includeYaml", false)).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(fixture.run(TYPE).status()).isEqualTo(CheckStatus.FAILED);
    }

    @Test
    void digestsPin_stagesAndScratchAreNotImages_argsWithoutDefaultAreNamedNotJudged() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir)
                .write("base/Dockerfile", "FROM ubuntu@sha256:0123 AS os\nFROM os\nFROM scratch\n")
                .write("master/Dockerfile", "ARG BASE\nFROM ${BASE}\n");

        CheckOutcome outcome = fixture.run(TYPE);

        assertThat(outcome.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(outcome.observed()).startsWith("4 images, all pinned: ubuntu@sha256:0123, labctl/spark-base:3.5.7,")
                .endsWith("; not judged (build argument without default): master/Dockerfile:2 FROM ${BASE}");
    }

    @Test
    void nothingToCheck_fails() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).delete("base/Dockerfile").delete("master/Dockerfile")
                .delete("worker/Dockerfile").delete("spark.yaml").delete("spark-commented.yaml");

        assertThat(fixture.run(TYPE)).isEqualTo(CheckOutcome.fail("no FROM line or container image to check",
                "submit the Dockerfiles and the Kubernetes YAML"));
    }

    @Test
    void includeYamlParam_mustBeABoolean() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir);

        assertThatThrownBy(() -> fixture.run(TYPE, Map.of("includeYaml", "maybe"))).isInstanceOf(LabValidationException.class)
                .hasMessage("test.yaml: images-pinned: params.includeYaml must be true or false, not 'maybe'");
    }
}
