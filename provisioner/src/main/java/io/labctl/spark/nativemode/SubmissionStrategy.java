package io.labctl.spark.nativemode;

import java.time.Duration;

/**
 * Where Spark's own {@code spark-submit --deploy-mode cluster} runs for a native application. Either way it creates
 * the driver pod and returns (labctl follows the driver itself).
 */
interface SubmissionStrategy {
    /** "host" or "pod", as the result reports it. */
    String where();

    /** Runs spark-submit; returns its output, where the application id may be found. */
    String submit(NativeSubmitRequest request, Duration timeout);

    /** The most telling line of spark-submit's output: the first error, else the last line. */
    static String lastMeaningfulLine(String output) {
        var errors = output.lines().filter(l -> l.contains("Exception") || l.contains("ERROR") || l.contains("Error"))
                .toList();
        if (!errors.isEmpty()) {
            return errors.get(0).strip();
        }
        var all = output.lines().filter(l -> !l.isBlank()).toList();
        return all.isEmpty() ? "(no output)" : all.get(all.size() - 1).strip();
    }
}
