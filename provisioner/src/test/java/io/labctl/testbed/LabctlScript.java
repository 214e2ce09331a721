package io.labctl.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A {@code labctl} executable for tests that run it as a student does, in a terminal: a script that starts this build's
 * classes (the test class path) against the test bed, so that nothing needs packaging first.
 */
public final class LabctlScript {
    private LabctlScript() {
    }

    /** Writes {@code dir/labctl}; it passes {@code --kubeconfig} of the test bed, then its own arguments. */
    public static Path write(Path dir, Path kubeconfig) throws IOException {
        return write(dir, " --kubeconfig " + quote(kubeconfig.toString()));
    }

    /** Writes {@code dir/labctl} as a user has it: the kubeconfig comes from its environment ($KUBECONFIG, $HOME). */
    public static Path write(Path dir) throws IOException {
        return write(dir, "");
    }

    private static Path write(Path dir, String options) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path script = dir.resolve("labctl");
        // The launcher's JVM options for a short-lived CLI (its first second is what a TAB waits for).
        Files.writeString(script, "#!/bin/sh\nexec " + quote(java.toString()) + " -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "
                + quote(System.getProperty("java.class.path")) + " io.labctl.Main" + options + " \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
