package io.labctl.grading.files;

import io.labctl.grading.checks.CheckStatus;
import io.labctl.grading.checks.CheckOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class DockerfileBaseImageCheckTest {
    static final String TYPE = "dockerfile-base-image";

    @TempDir
    Path dir;

    @Test
    void reference_passes_namingTheResolvedFrom() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir);
        int from = fixture.line("base/Dockerfile", "FROM ${BASE_IMAGE}");

        assertThat(fixture.run(TYPE))
                .isEqualTo(CheckOutcome.pass("base/Dockerfile:" + from + " FROM ubuntu:22.04 (${BASE_IMAGE})"));
    }

    @Test
    void baseImage_ubuntu2004_failsWithHintNamingIt() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir)
                .replace("base/Dockerfile", "ARG BASE_IMAGE=ubuntu:22.04", "ARG BASE_IMAGE=ubuntu:20.04");

        int from = fixture.line("base/Dockerfile", "FROM ${BASE_IMAGE}");
        int unpack = fixture.line("base/Dockerfile", "FROM os AS unpack");
        int master = fixture.line("master/Dockerfile", "FROM");

        CheckOutcome outcome = fixture.run(TYPE);

        assertThat(outcome.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(outcome.observed()).startsWith("no Dockerfile starts FROM ubuntu:22.04; FROM lines: ")
                .contains("base/Dockerfile:" + from + " FROM ubuntu:20.04 (${BASE_IMAGE})",
                        "base/Dockerfile:" + unpack + " FROM os",
                        "master/Dockerfile:" + master + " FROM labctl/spark-base:3.5.7 (${BASE_IMAGE})");
        assertThat(outcome.hint()).isEqualTo("base/Dockerfile:" + from + " FROM ubuntu:20.04 (${BASE_IMAGE}):"
                + " found ubuntu:20.04, the lab asks for ubuntu:22.04; change that FROM (or its ARG default)");
        assertThat(fixture.notPassed()).containsOnlyKeys(TYPE);
    }

    @Test
    void baseImage_openjdk11_failsWithHintNamingIt() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir)
                .write("base/Dockerfile", "FROM openjdk:11\nRUN tar -xzf spark.tgz -C /opt\n");

        CheckOutcome outcome = fixture.run(TYPE);

        assertThat(outcome.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(outcome.hint())
                .startsWith("base/Dockerfile:1 FROM openjdk:11: found openjdk:11, the lab asks for ubuntu:22.04");
    }

    @Test
    void codeNameDatedTagDigestAndFullName_pass() {
        for (String from : new String[] {"ubuntu:jammy", "ubuntu:jammy-20240125", "ubuntu:22.04@sha256:0123abcd",
                "docker.io/library/ubuntu:22.04"}) {
            SubmissionFixture fixture = SubmissionFixture.reference(dir).write("base/Dockerfile", "FROM " + from + "\n");

            assertThat(fixture.run(TYPE).status()).as(from).isEqualTo(CheckStatus.PASSED);
        }
    }

    @Test
    void studentBase_singleStage_passes() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).write("base/Dockerfile", SubmissionFixture.STUDENT_BASE);

        assertThat(fixture.run(TYPE)).isEqualTo(CheckOutcome.pass("base/Dockerfile:1 FROM ubuntu:22.04"));
    }

    @Test
    void imageParam_requiresThatImage() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).write("base/Dockerfile", "FROM debian:bookworm\n");

        assertThat(fixture.run(TYPE, Map.of("image", "debian:12")).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(fixture.run(TYPE).status()).isEqualTo(CheckStatus.FAILED);
    }

    @Test
    void noDockerfile_fails() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir)
                .delete("base/Dockerfile").delete("master/Dockerfile").delete("worker/Dockerfile");

        CheckOutcome outcome = fixture.run(TYPE);

        assertThat(outcome.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(outcome.observed()).startsWith("no Dockerfile in the submission");
    }
}
