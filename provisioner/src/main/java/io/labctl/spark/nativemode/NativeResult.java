package io.labctl.spark.nativemode;

/**
 * How a native application ended (or that it was only submitted).
 *
 * @param phase           the driver pod's phase: Succeeded, Failed, or Running/Pending when not followed
 * @param executorsLeft   executor pods still there when labctl looked (Spark removes them as the app ends)
 * @param result          the driver's result line, e.g. "Pi is roughly 3.1418", or null
 */
public record NativeResult(String submissionId, String appId, String phase, int driverExitCode, int executorsLeft,
                           String result, String submittedFrom) {
    public boolean succeeded() {
        return "Succeeded".equals(phase);
    }
}
