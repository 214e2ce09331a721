package io.labctl.grading.files;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Tier: unit. */
class DockerfileTest {

    @Test
    void instructions_startOnTheirLine_describedOnOneShortLine() {
        Dockerfile d = Dockerfile.parse("base/Dockerfile", """
                FROM ubuntu:22.04
                RUN apt-get update && \\
                    apt-get install -y openjdk-11-jdk python3 procps tini bash ca-certificates curl wget unzip zip
                """);

        Dockerfile.Instruction run = d.stages().get(0).instructions().get(0);
        assertThat(run.line()).isEqualTo(2);
        assertThat(run.describe()).isEqualTo("base/Dockerfile:2 RUN apt-get update && apt-get install -y openjdk-11-jdk"
                + " python3 procps tini bash ca-certificates ...");
    }

    @Test
    void from_usesTheDefaultsOfArgsBeforeTheFirstFrom_inEveryNotation() {
        Dockerfile d = Dockerfile.parse("Dockerfile", """
                ARG OS=ubuntu
                ARG RELEASE=22.04
                ARG EMPTY=
                FROM ${OS}:$RELEASE
                FROM ${EMPTY:-debian}:${MISSING:-12}
                FROM $UNKNOWN
                """);

        assertThat(d.stages()).extracting(s -> s.image().reference())
                .containsExactly("ubuntu:22.04", "debian:12", "$UNKNOWN");
        assertThat(d.stages().get(0).describeFrom()).isEqualTo("Dockerfile:4 FROM ubuntu:22.04 (${OS}:$RELEASE)");
        assertThat(d.stages().get(2).image().unresolved()).isTrue();
    }

    @Test
    void stages_fromAnEarlierStageReferToIt_andTheChainEndsAtTheLastStage() {
        Dockerfile d = Dockerfile.parse("Dockerfile", """
                FROM --platform=linux/amd64 ubuntu:22.04 AS os
                RUN apt-get install -y openjdk-11-jdk
                FROM os AS unpack
                RUN tar -xzf /tmp/spark.tgz -C /opt
                FROM OS
                COPY --from=unpack /opt/spark /opt/spark
                """);

        assertThat(d.stages()).extracting(Dockerfile.Stage::name).containsExactly("os", "unpack", null);
        Dockerfile.Stage last = d.stages().get(2);
        assertThat(last.image()).isNull();
        assertThat(last.parent()).isSameAs(d.stages().get(0));
        assertThat(last.describeFrom()).isEqualTo("Dockerfile:5 FROM os (OS)");
        // the unpack stage is only copied from: not part of the image's chain
        assertThat(d.chain()).containsExactly(d.stages().get(0), last);
        assertThat(d.osStage()).contains(d.stages().get(0));
        assertThat(d.builtFrom()).map(ImageRef::reference).contains("ubuntu:22.04");
    }

    @Test
    void instructions_expandArgDefaultsAndEnvKnownAtThatPoint() {
        Dockerfile d = Dockerfile.parse("Dockerfile", """
                ARG JAVA=11
                FROM ubuntu:22.04
                ARG PACKAGES="openjdk-${JAVA}-jre-headless python3"
                ENV SPARK_HOME /opt/spark
                RUN apt-get install -y ${PACKAGES} && ls $SPARK_HOME $(pwd) $NOT_SET
                """);

        Dockerfile.Instruction run = d.stages().get(0).instructions().get(2);
        assertThat(run.expanded()).isEqualTo("apt-get install -y openjdk-11-jre-headless python3 && ls /opt/spark $(pwd) $NOT_SET");
    }

    @Test
    void words_ofJsonAndShellForms_operandsWithoutOptions() {
        Dockerfile d = Dockerfile.parse("Dockerfile", """
                FROM ubuntu:22.04
                COPY ["spark dir/", "/opt/spark"]
                COPY --chown=spark:spark --from=build 'a b' /opt/
                RUN [ -d /opt ] && echo "two words"
                RUN ["ls"] && ls
                """);

        List<Dockerfile.Instruction> i = d.stages().get(0).instructions();
        assertThat(i.get(0).words()).containsExactly("spark dir/", "/opt/spark");
        assertThat(i.get(1).operands()).containsExactly("a b", "/opt/");
        assertThat(i.get(2).words()).containsExactly("[", "-d", "/opt", "]", "&&", "echo", "two words");
        assertThat(i.get(2).shellText()).isEqualTo("[ -d /opt ] && echo \"two words\"");
        assertThat(i.get(3).words()).containsExactly("[ls]", "&&", "ls");
    }

    @Test
    void noFrom_hasNoStages() {
        Dockerfile d = Dockerfile.parse("Dockerfile", "RUN echo lost\n");

        assertThat(d.stages()).isEmpty();
        assertThat(d.builtFrom()).isEmpty();
    }

    @Test
    void parse_oneMegabyteOfNestedVariables_takesLinearTime() {
        // Given a RUN of 1 MB of ${A-${A-... without a closing brace (80 KB of it took minutes before) after an
        // ARG and an ENV that every later instruction expands with
        String text = "ARG A=1\nFROM ubuntu:22.04\nENV B=2\nRUN echo " + "${A-".repeat(256 * 1024) + "\nRUN echo ${B}\n";

        // When parsed, Then quickly (a tripwire: the guarantee is the one-pass scan of VariableExpansion)
        Dockerfile d = assertTimeoutPreemptively(Duration.ofSeconds(3), () -> Dockerfile.parse("Dockerfile", text));
        assertThat(d.stages().get(0).instructions()).extracting(Dockerfile.Instruction::expanded).last().isEqualTo("echo 2");
    }

    @Test
    void parse_twentyThousandStages_isBounded_laterFromLinesStayInstructions() {
        // Given 20,000 stages each built FROM the one before (this took 40 s: every FROM rescanned all earlier
        // stages and their ancestors' ENV lines)
        String text = "FROM ubuntu:22.04 AS a\nENV X=1\n" + "FROM a AS a\n".repeat(20_000) + "RUN echo $X\n";

        // When parsed, Then quickly, as the first 64 stages; the rest are instructions of the last one
        Dockerfile d = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Dockerfile.parse("Dockerfile", text));
        assertThat(d.stages()).hasSize(Dockerfile.MAX_STAGES);
        assertThat(d.chain()).hasSize(Dockerfile.MAX_STAGES);
        assertThat(d.builtFrom()).map(ImageRef::reference).contains("ubuntu:22.04");
        assertThat(d.stages().get(Dockerfile.MAX_STAGES - 1).instructions()).last()
                .satisfies(run -> assertThat(run.expanded()).isEqualTo("echo 1"));
    }
}
