package io.labctl.testbed;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * For tests that run a Spark driver on this machine: pip's pyspark must be importable by {@code python3} (.ci/run
 * installs the test bed's pyspark 3.5.7). Skipped with the reason on a laptop without it, failed in CI.
 */
public final class HostPyspark {
    private HostPyspark() {
    }

    public static void require() {
        try {
            Process check = new ProcessBuilder("python3", "-c", "import pyspark").redirectErrorStream(true).start();
            if (check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            RequiredTools.unavailable("python3 is not installed (a host driver needs it)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RequiredTools.unavailable("pip's pyspark is not importable by python3 (pip install pyspark==3.5.7)");
    }
}
