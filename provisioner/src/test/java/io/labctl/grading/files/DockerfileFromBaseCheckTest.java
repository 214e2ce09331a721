package io.labctl.grading.files;

import io.labctl.grading.checks.CheckStatus;
import io.labctl.grading.checks.LabValidationException;
import io.labctl.grading.checks.CheckOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Tier: unit. */
class DockerfileFromBaseCheckTest {
    static final String TYPE = "dockerfile-from-base";

    @TempDir
    Path dir;

    @Test
    void reference_passes_bothRolesFromTheBaseImage() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir);
        int master = fixture.line("master/Dockerfile", "FROM");
        int worker = fixture.line("worker/Dockerfile", "FROM");

        assertThat(fixture.run(TYPE)).isEqualTo(CheckOutcome.pass("base: base/Dockerfile;"
                + " master: master/Dockerfile:" + master + " FROM labctl/spark-base:3.5.7 (${BASE_IMAGE});"
                + " worker: worker/Dockerfile:" + worker + " FROM labctl/spark-base:3.5.7 (${BASE_IMAGE})"));
    }

    @Test
    void masterFromApacheSpark_losesTheMastersPart_only() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).replace("master/Dockerfile",
                "ARG BASE_IMAGE=labctl/spark-base:3.5.7", "ARG BASE_IMAGE=apache/spark:3.5.0");
        int master = fixture.line("master/Dockerfile", "FROM");

        CheckOutcome outcome = fixture.run(TYPE);

        assertThat(outcome.status()).isEqualTo(CheckStatus.PARTIAL);
        assertThat(outcome.fraction()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(outcome.hint()).isEqualTo("master/Dockerfile:" + master + " FROM apache/spark:3.5.0 (${BASE_IMAGE})"
                + " is a public Spark image: build the master image FROM your base image");
        assertThat(fixture.notPassed()).containsOnlyKeys(TYPE);
    }

    @Test
    void workerFromTheOsImage_losesItsPart() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir)
                .write("worker/Dockerfile", "FROM ubuntu:22.04\nRUN apt-get install -y openjdk-11-jdk\n");

        CheckOutcome outcome = fixture.run(TYPE);

        assertThat(outcome.fraction()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(outcome.hint()).isEqualTo("worker/Dockerfile:1 FROM ubuntu:22.04 is the OS image:"
                + " build the worker image FROM your base image");
    }

    @Test
    void rolesFromDifferentImages_aTieLosesBothRoleParts() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir)
                .write("master/Dockerfile", "FROM me/spark-base:1.0\n")
                .write("worker/Dockerfile", "FROM me/base:1.0\n");

        CheckOutcome outcome = fixture.run(TYPE);

        assertThat(outcome.fraction()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(outcome.hint()).contains("master/Dockerfile:1 FROM me/spark-base:1.0 is not the image the other"
                + " roles use (me/base:1.0): build every role FROM the same base image");
    }

    @Test
    void noBaseAndNoWorkerDockerfile_loseTheirParts() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).delete("base/Dockerfile").delete("worker/Dockerfile");

        CheckOutcome outcome = fixture.run(TYPE);

        assertThat(outcome.fraction()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(outcome.observed()).startsWith("base: none; master: master/Dockerfile:").endsWith("; worker: none");
        assertThat(outcome.hint()).startsWith("no base Dockerfile: write one FROM the OS image")
                .contains("no worker Dockerfile with a FROM (a path or name containing 'worker')");
    }

    @Test
    void fileNamesCanNameTheRoles() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir)
                .delete("base/Dockerfile").delete("master/Dockerfile").delete("worker/Dockerfile")
                .write("Dockerfile", SubmissionFixture.STUDENT_BASE)
                .write("Dockerfile.master", "FROM spark-base:1.0\nCMD [\"master\"]\n")
                .write("docker/worker.dockerfile", "FROM spark-base:1.0\nCMD [\"worker\"]\n");

        assertThat(fixture.run(TYPE).observed()).isEqualTo("base: Dockerfile;"
                + " master: Dockerfile.master:1 FROM spark-base:1.0; worker: docker/worker.dockerfile:1 FROM spark-base:1.0");
    }

    @Test
    void rolesParam_setsTheParts() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).delete("worker/Dockerfile");

        assertThat(fixture.run(TYPE, Map.of("roles", List.of("master"))).status()).isEqualTo(CheckStatus.PASSED);
        assertThatThrownBy(() -> fixture.run(TYPE, Map.of("roles", List.of())))
                .isInstanceOf(LabValidationException.class).hasMessageEndingWith("params.roles must name at least one role");
    }
}
