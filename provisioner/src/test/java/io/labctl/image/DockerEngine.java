package io.labctl.image;

import io.labctl.testbed.RequiredTools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The docker CLI for tests (tier: real Docker engine; the test bed starts one in CI). */
final class DockerEngine {
    private DockerEngine() {
    }

    /** Skips (fails in CI) unless a Docker engine answers at DOCKER_HOST or the default socket. */
    static void require() {
        RequiredTools.require("docker", "Debian package docker.io");
        try {
            Result info = run(Duration.ofSeconds(20), "docker", "info", "--format", "{{.ServerVersion}}");
            if (info.exit() != 0) {
                RequiredTools.unavailable("no Docker engine answers (testbed/up starts one): " + info.output().strip());
            }
        } catch (IOException e) {
            RequiredTools.unavailable("docker cannot run: " + e.getMessage());
        }
    }

    record Result(int exit, String output) {
    }

    static Result run(Duration timeout, String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** Runs docker with the arguments and returns its output; fails the test on a non-zero exit. */
    static String docker(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(arguments));
        Result result = run(Duration.ofMinutes(5), command.toArray(String[]::new));
        if (result.exit() != 0) {
            throw new AssertionError("docker " + String.join(" ", arguments) + " failed: " + result.output());
        }
        return result.output().strip();
    }
}
