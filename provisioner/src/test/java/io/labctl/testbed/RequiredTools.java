package io.labctl.testbed;

import org.opentest4j.TestAbortedException;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * For tests that drive real programs (sshd, docker, vagrant): finds the program, or skips the test with the
 * reason printed. In CI ({@code LABCTL_REQUIRE_TESTBED=1}) a missing program fails instead, like the test bed.
 */
public final class RequiredTools {
    private RequiredTools() {
    }

    public static Path require(String program, String why) {
        Optional<Path> found = find(program);
        if (found.isPresent()) {
            return found.get();
        }
        return unavailable(program + " is not installed (" + why + ")");
    }

    public static Optional<Path> find(String program) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin" + File.pathSeparator + "/sbin";
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Skips (or fails in CI) with the reason. */
    public static <T> T unavailable(String reason) {
        if ("1".equals(System.getenv(TestbedExtension.REQUIRE_VARIABLE))) {
            throw new IllegalStateException("CI requires this test to run: " + reason);
        }
        System.err.println("[labctl tests] skipping: " + reason);
        throw new TestAbortedException("skipped: " + reason);
    }
}
