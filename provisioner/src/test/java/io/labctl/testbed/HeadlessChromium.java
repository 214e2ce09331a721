package io.labctl.testbed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real browser for tests: Debian's headless Chromium loads a page and gives its rendered DOM or a screenshot. Each
 * call uses a fresh profile and nothing in the background (no sync, updates or QUIC), and its processes end with the
 * call. Skipped without chromium (failed in CI, like the test bed): {@code apt-get install -y chromium}.
 */
public final class HeadlessChromium {
    private static final long TIMEOUT_SECONDS = 90;
    private final Path program;

    private HeadlessChromium(Path program) {
        this.program = program;
    }

    public static HeadlessChromium require() {
        return new HeadlessChromium(RequiredTools.require("chromium", "browser tests (apt-get install -y chromium)"));
    }

    /** The DOM after the page loaded and ran its scripts, serialized as HTML. */
    public String dumpDom(String url) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", url));
    }

    /** A PNG of the page at {@code width} x {@code height}, written to {@code png}. */
    public Path screenshot(String url, Path png, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height, url));
        if (!Files.isRegularFile(png)) {
            throw new IllegalStateException("chromium wrote no screenshot to " + png);
        }
        return png;
    }

    private String run(List<String> args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("labctl-chromium-");
        List<String> command = new ArrayList<>(List.of(program.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(args);
        Path stderr = profile.resolveSibling(profile.getFileName() + ".log");
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        try {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("chromium did not finish in " + TIMEOUT_SECONDS + " s: " + args);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("chromium exited with " + process.exitValue() + ": "
                        + Files.readString(stderr));
            }
            return out;
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly); // its own helpers only
            process.destroyForcibly();
            delete(profile);
            Files.deleteIfExists(stderr);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
