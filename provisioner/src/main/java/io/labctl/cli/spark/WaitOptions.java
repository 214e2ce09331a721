package io.labctl.cli.spark;

import io.labctl.spark.standalone.DeployOptions;
import io.labctl.spark.standalone.WaitMode;
import picocli.CommandLine.Option;

import java.time.Duration;

/** Waiting options shared by deploy and scale. */
public final class WaitOptions {
    @Option(names = "--wait", paramLabel = "MODE", defaultValue = "spark",
            description = "What to wait for: spark (pods Ready and the master reports every worker ALIVE), "
                    + "pods (pods Ready only, e.g. on fake nodes), none. Default: ${DEFAULT-VALUE}.")
    WaitMode waitMode = WaitMode.spark;

    @Option(names = "--no-wait", description = "Same as --wait none.")
    boolean noWait;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m",
            description = "How long to wait (e.g. 90s, 5m). Default: ${DEFAULT-VALUE}.")
    Duration timeout = DeployOptions.DEFAULT_TIMEOUT;

    @Option(names = "--skip-image-check",
            description = "Do not check that the images are on the nodes (for clusters that pull from a registry).")
    boolean skipImageCheck;

    DeployOptions toDeployOptions() {
        return new DeployOptions(noWait ? WaitMode.none : waitMode, timeout, skipImageCheck);
    }
}
