package io.labctl.cli.lab;

import io.labctl.cli.CliContext;
import io.labctl.cli.LabctlCommand;
import io.labctl.kube.KubeConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier: unit (labctl's real command tree, no cluster). Which lab steps {@code lab run} records before running them (a
 * teardown, of which cluster, in which namespace); the recording against a real API server is LabRunIT's.
 */
class TeardownRecorderTest {
    @TempDir
    Path home;

    private CommandLine labctl() {
        return LabctlCommand.commandLine(new CliContext(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), Map.of(), false, new KubeConnector(Map.of(), home)));
    }

    @Test
    void teardown_namesTheClusterAndNamespace_whereverTheOptionsAre() {
        assertThat(TeardownRecorder.teardown(labctl(), List.of("spark", "teardown", "spark", "-n", "lab3")))
                .contains(new TeardownRecorder.Teardown("spark", "lab3"));
        assertThat(TeardownRecorder.teardown(labctl(), List.of("spark", "teardown", "-n", "lab3", "spark-b")))
                .contains(new TeardownRecorder.Teardown("spark-b", "lab3"));
        assertThat(TeardownRecorder.teardown(labctl(), List.of("-n", "x", "spark", "teardown", "--keep-data", "s")))
                .contains(new TeardownRecorder.Teardown("s", "x"));
        assertThat(TeardownRecorder.teardown(labctl(), List.of("spark", "teardown", "s")))
                .contains(new TeardownRecorder.Teardown("s", null));
    }

    @Test
    void teardown_otherSteps_andLinesThatDoNotParse_areNotRecorded() {
        assertThat(TeardownRecorder.teardown(labctl(), List.of("spark", "deploy", "spark", "-n", "lab3"))).isEmpty();
        assertThat(TeardownRecorder.teardown(labctl(), List.of("spark", "teardown"))).isEmpty();
        assertThat(TeardownRecorder.teardown(labctl(), List.of("spark", "teardown", "s", "--no-such-option"))).isEmpty();
        assertThat(TeardownRecorder.teardown(labctl(), List.of("cluster", "down", "lab3"))).isEmpty();
    }
}
