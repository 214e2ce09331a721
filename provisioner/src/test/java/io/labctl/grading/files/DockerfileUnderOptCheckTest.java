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

/** Tier: unit. */
class DockerfileUnderOptCheckTest {
    static final String TYPE = "dockerfile-under-opt";
    static final Map<String, Object> SPARK = Map.of("component", "spark");
    static final Map<String, Object> HADOOP = Map.of("component", "hadoop");

    @TempDir
    Path dir;

    @Test
    void reference_passes_fromTheCopyAndTheHomeVariable() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir);
        int copy = fixture.line("base/Dockerfile", "COPY --from=unpack /opt/spark");
        int env = fixture.line("base/Dockerfile", "ENV JAVA_HOME");

        assertThat(fixture.run(TYPE, SPARK)).isEqualTo(CheckOutcome.pass("Spark in /opt/spark: base/Dockerfile:" + copy
                + " COPY --from=unpack /opt/spark /opt/spark; base/Dockerfile:" + env + " ENV SPARK_HOME=/opt/spark"));
        assertThat(fixture.run(TYPE, HADOOP).observed()).startsWith("Hadoop in /opt/hadoop: ");
    }

    @Test
    void sparkInUsrLocal_onlyThisCheckFails_withHintNamingThePath() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir)
                .replace("base/Dockerfile", "COPY --from=unpack /opt/spark /opt/spark",
                        "COPY --from=unpack /opt/spark /usr/local/spark")
                .replace("base/Dockerfile", "SPARK_HOME=/opt/spark", "SPARK_HOME=/usr/local/spark");

        CheckOutcome outcome = fixture.run(TYPE, SPARK);

        assertThat(outcome.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(outcome.observed()).contains("COPY --from=unpack /opt/spark /usr/local/spark",
                "ENV SPARK_HOME=/usr/local/spark");
        assertThat(outcome.hint()).isEqualTo("Spark is under /usr/local/spark; the lab asks for /opt");
        assertThat(fixture.notPassed()).containsOnlyKeys("dockerfile-under-opt(spark)");
    }

    @Test
    void studentBase_tarIntoOptThenMove_passesForBoth() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).write("base/Dockerfile", SubmissionFixture.STUDENT_BASE);

        assertThat(fixture.run(TYPE, SPARK)).isEqualTo(CheckOutcome.pass("Spark in /opt/spark:"
                + " base/Dockerfile:10 tar -xzf spark-3.5.7-bin-hadoop3.tgz -C /opt;"
                + " base/Dockerfile:10 mv /opt/spark-3.5.7-bin-hadoop3 /opt/spark"));
        // spark-3.5.7-bin-hadoop3.tgz is Spark's tarball, not Hadoop's
        assertThat(fixture.run(TYPE, HADOOP)).isEqualTo(CheckOutcome.pass("Hadoop in /opt/hadoop:"
                + " base/Dockerfile:6 tar -xzf hadoop-3.3.6.tar.gz -C /opt;"
                + " base/Dockerfile:6 mv /opt/hadoop-3.3.6 /opt/hadoop"));
    }

    @Test
    void studentBase_extractedUnderUsrLocal_failsNamingTheLastPlace() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).write("base/Dockerfile",
                SubmissionFixture.STUDENT_BASE.replace("-C /opt", "-C /usr/local")
                        .replace("mv /opt/spark-3.5.7-bin-hadoop3 /opt/spark",
                                "mv /usr/local/spark-3.5.7-bin-hadoop3 /usr/local/spark"));

        CheckOutcome outcome = fixture.run(TYPE, SPARK);

        assertThat(outcome.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(outcome.hint()).isEqualTo("Spark is under /usr/local/spark; the lab asks for /opt");
    }

    @Test
    void workdirCdAddAndPipes_areFollowed() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir);

        fixture.write("base/Dockerfile", "FROM ubuntu:22.04\nWORKDIR /opt\nRUN tar xzf /tmp/spark-3.5.7.tgz\n");
        assertThat(fixture.run(TYPE, SPARK).observed()).startsWith("Spark in /opt: ");

        fixture.write("base/Dockerfile", "FROM ubuntu:22.04\nWORKDIR /opt\nRUN cd ../usr/local && tar xzf /tmp/spark-3.5.7.tgz\n");
        assertThat(fixture.run(TYPE, SPARK).hint()).isEqualTo("Spark is under /usr/local; the lab asks for /opt");

        fixture.write("base/Dockerfile", "FROM ubuntu:22.04\nADD spark-3.5.7-bin-hadoop3.tgz /opt/\n");
        assertThat(fixture.run(TYPE, SPARK).observed()).startsWith("Spark in /opt: ");

        fixture.write("base/Dockerfile", "FROM ubuntu:22.04\n"
                + "RUN curl -sL https://dlcdn.apache.org/spark/spark-3.5.7/spark-3.5.7-bin-hadoop3.tgz | tar -xz --directory=/opt\n");
        assertThat(fixture.run(TYPE, SPARK).observed()).startsWith("Spark in /opt: ");
    }

    @Test
    void homeVariable_winsOverWhereFilesWereMoved() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).write("base/Dockerfile",
                SubmissionFixture.STUDENT_BASE + "ENV SPARK_HOME=/usr/local/spark\n");

        assertThat(fixture.run(TYPE, SPARK).hint()).isEqualTo("Spark is under /usr/local/spark; the lab asks for /opt");
    }

    @Test
    void notInstalled_failsSayingNotFound() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir)
                .write("base/Dockerfile", "FROM ubuntu:22.04\nRUN apt-get install -y openjdk-11-jdk\n");

        CheckOutcome outcome = fixture.run(TYPE, HADOOP);

        assertThat(outcome.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(outcome.observed()).isEqualTo("Hadoop: no installation found in base/Dockerfile, master/Dockerfile,"
                + " worker/Dockerfile (looked for HADOOP_HOME, tar -C, mv, cp, ln, COPY and ADD of hadoop*)");
        assertThat(outcome.hint()).startsWith("download Hadoop in the base Dockerfile, extract it in /opt");
    }

    @Test
    void componentParam_isRequiredAndKnown() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir);

        assertThatThrownBy(() -> fixture.run(TYPE, Map.of())).isInstanceOf(LabValidationException.class)
                .hasMessage("test.yaml: dockerfile-under-opt: params.component is required");
        assertThatThrownBy(() -> fixture.run(TYPE, Map.of("component", "java"))).isInstanceOf(LabValidationException.class)
                .hasMessage("test.yaml: dockerfile-under-opt: params.component must be hadoop or spark, not 'java'");
        assertThatThrownBy(() -> fixture.run(TYPE, Map.of("component", "spark", "dir", List.of("/opt"))))
                .isInstanceOf(LabValidationException.class).hasMessageContaining("params.dir must be a single value");
    }
}
