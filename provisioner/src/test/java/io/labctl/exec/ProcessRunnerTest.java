package io.labctl.exec;

import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tier: real programs (sh, sleep) run through Commons Exec; no cluster. */
class ProcessRunnerTest {
    private final ProcessRunner runner = new ProcessRunner(Map.of("PATH", "/usr/bin:/bin"));

    @Test
    void run_nonZeroExit_isAResultWithBothStreams() {
        ProcessResult result = runner.run(Command.of("sh", "-c", "echo out; echo err >&2; exit 3"));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("out\n");
        assertThat(result.stderr()).isEqualTo("err\n");
        assertThat(result.lastErrorLine()).isEqualTo("err");
    }

    @Test
    void run_streamsEachLineToTheConsumerInOrder() {
        List<String> lines = new ArrayList<>();

        runner.run(Command.of("sh", "-c", "for i in 1 2 3; do echo step $i; done").onStdoutLine(lines::add));

        assertThat(lines).containsExactly("step 1", "step 2", "step 3");
    }

    @Test
    void run_passesArgumentsVerbatimAndTheCommandsEnvironment() {
        ProcessResult result = runner.run(Command.of("sh", "-c", "printf '%s|' \"$1\" \"$LAB\"", "sh", "a b; $(rm -rf x)")
                .withEnvironment("LAB", "value with spaces"));

        // output is kept as lines: a last line without newline gets one
        assertThat(result.stdout()).isEqualTo("a b; $(rm -rf x)|value with spaces|\n");
    }

    @Test
    void run_pastItsTimeLimit_isStoppedAndReportedAsTimeout() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> runner.run(Command.of("sleep", "30").withTimeout(Duration.ofMillis(500))))
                .isInstanceOfSatisfying(LabctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.TIMEOUT);
                    assertThat(e.getMessage()).isEqualTo("'sleep 30' did not finish within 500ms and was stopped");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void run_programNotInstalled_saysSoWithTheFix() {
        assertThatThrownBy(() -> runner.run(Command.of("minikube-not-here", "start")))
                .isInstanceOfSatisfying(LabctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.PRECONDITION);
                    assertThat(e.getMessage()).isEqualTo("'minikube-not-here' is not installed (not found on PATH)");
                });
    }

    @Test
    void runChecked_failure_carriesTheToolsLastErrorLine() {
        assertThatThrownBy(() -> runner.runChecked(Command.of("sh", "-c", "echo 'no such profile' >&2; exit 85"),
                ExitCode.NOT_FOUND, "see list"))
                .isInstanceOfSatisfying(LabctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
                    assertThat(e.getMessage()).endsWith("failed (exit 85): no such profile");
                });
    }

    @Test
    void display_quotesOnlyWhatAShellWouldSplit() {
        assertThat(Command.of("docker", "build", "--build-arg", "OS_PACKAGES=", "--build-arg", "A=b c", ".").display())
                .isEqualTo("docker build --build-arg OS_PACKAGES= --build-arg 'A=b c' .");
    }
}
