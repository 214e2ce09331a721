package io.labctl.cluster.minikube;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine's total memory (Linux /proc/meminfo); 0 when unknown, and then no check is made. */
final class HostMemory {
    private HostMemory() {
    }

    static long totalMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
