package io.labctl.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Process tier: labctl's real entry point ({@code io.labctl.Main}) in its own JVM, as the launcher starts it, so that
 * what reaches the terminal is what a student sees, libraries' logging included (in-process runs skip Main).
 */
class MainProcessTest {
    @TempDir
    Path home;

    @Test
    void clusterUp_withoutDocker_isOneErrorAndOneHint_noLibraryLogging() throws Exception {
        // Given no Docker engine where DOCKER_HOST points (Testcontainers logs a multi-line ERROR block then)
        Result run = main(List.of("cluster", "up", "nodocker"), "DOCKER_HOST", "unix://" + home.resolve("no-docker.sock"));

        // Then one error line and one hint, no logger's lines and nothing said twice
        assertThat(run.status()).as(run.err()).isEqualTo(7);
        List<String> lines = run.err().lines().filter(l -> !l.startsWith("==> ") && !l.isBlank()).toList();
        assertThat(lines).as(run.err()).hasSize(2);
        assertThat(lines.get(0)).startsWith("error: no Docker engine answers");
        assertThat(lines.get(1)).startsWith("hint: start Docker");
        assertThat(run.err()).doesNotContain("Could not find a valid Docker environment", "ERROR", "WARN", "org.testcontainers");
        assertThat(run.out()).isEmpty();
        assertThat(home.resolve("state/clusters")).as("nothing recorded").doesNotExist();
    }

    private record Result(int status, String out, String err) {
    }

    private Result main(List<String> args, String envName, String envValue) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "io.labctl.Main"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().put("HOME", home.toString());
        builder.environment().put("LABCTL_STATE_DIR", home.resolve("state").toString());
        builder.environment().put(envName, envValue);
        Path err = home.resolve("stderr");
        builder.redirectError(err.toFile()); // a file: reading two pipes one after the other could block on the second
        Process process = builder.start();
        process.getOutputStream().close();
        var out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("labctl ended").isTrue();
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(err));
    }
}
