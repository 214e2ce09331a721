package io.labctl.spark.standalone;

/**
 * How a {@code spark run} ended: the driver's exit code, the application's final state as the master
 * reports it, and, for SparkPi, the estimate it printed.
 *
 * @param appId      Spark's application id, from the driver's log (null if it never connected)
 * @param appState   FINISHED, FAILED, KILLED... from the master's JSON (null if unknown)
 * @param piEstimate the "Pi is roughly ..." value, for the pi job
 */
public record JobResult(String cluster, String namespace, String pod, String kind, int exitCode, String appId,
                        String appState, Double piEstimate, long seconds, boolean podKept) {

    public boolean succeeded() {
        return exitCode == 0 && (appState == null || "FINISHED".equals(appState));
    }
}
