package io.labctl.spark.standalone;

import java.time.Duration;

/** How {@code deploy} and {@code scale} behave around the apply itself. */
public record DeployOptions(WaitMode waitMode, Duration timeout, boolean skipImageCheck) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    public static DeployOptions defaults() {
        return new DeployOptions(WaitMode.spark, DEFAULT_TIMEOUT, false);
    }
}
