package io.labctl.grading.files;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class DockerfileLinesTest {

    @Test
    void continuations_joinIntoOneInstructionAtItsFirstLine_commentsAndDirectivesDropped() {
        List<DockerfileLines.Logical> lines = DockerfileLines.read("""
                # syntax=docker/dockerfile:1
                FROM ubuntu:22.04

                RUN apt-get update && \\
                # a comment inside the continuation, as Docker allows
                    apt-get install -y openjdk-11-jdk
                CMD ["bash"]
                """);

        assertThat(lines).containsExactly(new DockerfileLines.Logical(2, "FROM ubuntu:22.04"),
                new DockerfileLines.Logical(4, "RUN apt-get update &&      apt-get install -y openjdk-11-jdk"),
                new DockerfileLines.Logical(7, "CMD [\"bash\"]"));
    }

    @Test
    void heredoc_takesTheLinesUpToItsDelimiter_commentsIncluded() {
        List<DockerfileLines.Logical> lines = DockerfileLines.read("""
                FROM ubuntu:22.04
                RUN <<EOF
                apt-get update
                # part of the script
                EOF
                WORKDIR /opt
                """);

        assertThat(lines).containsExactly(new DockerfileLines.Logical(1, "FROM ubuntu:22.04"),
                new DockerfileLines.Logical(2, "RUN <<EOF\napt-get update\n# part of the script"),
                new DockerfileLines.Logical(6, "WORKDIR /opt"));
    }

    @Test
    void hereString_isNoHeredoc() {
        List<DockerfileLines.Logical> lines = DockerfileLines.read("""
                FROM ubuntu:22.04
                RUN cat <<< "x"
                x
                ENV A=1
                """);

        assertThat(lines).extracting(DockerfileLines.Logical::text)
                .containsExactly("FROM ubuntu:22.04", "RUN cat <<< \"x\"", "x", "ENV A=1");
    }
}
