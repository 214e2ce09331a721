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
class DockerfileJavaCheckTest {
    static final String TYPE = "dockerfile-java";

    @TempDir
    Path dir;

    @Test
    void reference_passes_packageFromTheArgDefault() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir);
        int run = fixture.line("base/Dockerfile", "RUN if [ -n \"${OS_PACKAGES}\" ]");

        // the package list is an ARG default, expanded into the RUN line
        assertThat(fixture.run(TYPE))
                .isEqualTo(CheckOutcome.pass("base/Dockerfile:" + run + " installs openjdk-11-jre-headless"));
    }

    @Test
    void studentBase_openjdk11jdk_passes() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).write("base/Dockerfile", SubmissionFixture.STUDENT_BASE);

        assertThat(fixture.run(TYPE)).isEqualTo(CheckOutcome.pass("base/Dockerfile:2 installs openjdk-11-jdk"));
    }

    @Test
    void openjdk17_failsWithHintNamingIt() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).write("base/Dockerfile",
                SubmissionFixture.STUDENT_BASE.replace("openjdk-11-jdk", "openjdk-17-jdk-headless"));

        CheckOutcome outcome = fixture.run(TYPE);

        assertThat(outcome).isEqualTo(CheckOutcome.fail("base/Dockerfile:2 installs openjdk-17-jdk-headless",
                "base/Dockerfile:2 installs openjdk-17-jdk-headless (Java 17); the lab asks for OpenJDK 11:"
                        + " RUN apt-get update && apt-get install -y openjdk-11-jdk-headless"));
        assertThat(fixture.notPassed()).containsOnlyKeys(TYPE);
    }

    @Test
    void fromAJavaImage_failsEvenWithThePackage() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).write("base/Dockerfile",
                SubmissionFixture.STUDENT_BASE.replace("FROM ubuntu:22.04", "FROM eclipse-temurin:11"));

        CheckOutcome outcome = fixture.run(TYPE);

        assertThat(outcome.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(outcome.observed()).isEqualTo("base/Dockerfile:1 FROM eclipse-temurin:11");
        assertThat(outcome.hint()).startsWith("base/Dockerfile:1 FROM eclipse-temurin:11 brings its own Java;");
    }

    @Test
    void defaultJdk_isJava11OnJammy_butNotOnNoble() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).write("base/Dockerfile",
                SubmissionFixture.STUDENT_BASE.replace("openjdk-11-jdk", "default-jdk"));
        assertThat(fixture.run(TYPE)).isEqualTo(CheckOutcome.pass("base/Dockerfile:2 installs default-jdk"));

        fixture.replace("base/Dockerfile", "FROM ubuntu:22.04", "FROM ubuntu:noble");
        assertThat(fixture.run(TYPE).hint()).startsWith("base/Dockerfile:2 installs default-jdk (Java 21)");
    }

    @Test
    void javaOnlyInTheRoleImages_failsForTheBase() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir)
                .write("base/Dockerfile", "FROM ubuntu:22.04\nENV SPARK_HOME=/opt/spark\n")
                .write("master/Dockerfile", "FROM labctl/spark-base:3.5.7\nRUN apt-get install -y openjdk-11-jdk\n");

        CheckOutcome outcome = fixture.run(TYPE);

        assertThat(outcome.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(outcome.observed()).startsWith("no OpenJDK package installed in base/Dockerfile");
        assertThat(outcome.hint()).isEqualTo("install Java in the base image:"
                + " RUN apt-get update && apt-get install -y openjdk-11-jdk-headless");
    }

    @Test
    void versionParam_mustBeANumber() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir);

        assertThat(fixture.run(TYPE, Map.of("version", 17)).status()).isEqualTo(CheckStatus.FAILED);
        assertThatThrownBy(() -> fixture.run(TYPE, Map.of("version", "eleven")))
                .isInstanceOf(LabValidationException.class)
                .hasMessage("test.yaml: dockerfile-java: params.version must be a whole number, not 'eleven'");
    }
}
