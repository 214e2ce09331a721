package io.labctl.spark.standalone;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Picks the facts labctl reports out of a client-mode driver's log, line by line. */
final class DriverLogScanner {
    // StandaloneSchedulerBackend: "Connected to Spark cluster with app ID app-20261122101010-0000"
    private static final Pattern APP_ID = Pattern.compile("Connected to Spark cluster with app ID (app-[0-9]+-[0-9]+)");
    // SparkPi / JavaSparkPi / pi.py: "Pi is roughly 3.14159..."
    private static final Pattern PI = Pattern.compile("Pi is roughly ([0-9]+\\.[0-9]+)");

    private String appId;
    private Double pi;

    void accept(String line) {
        Matcher app = APP_ID.matcher(line);
        if (app.find()) {
            appId = app.group(1);
        }
        Matcher pie = PI.matcher(line);
        if (pie.find()) {
            pi = Double.parseDouble(pie.group(1));
        }
    }

    String appId() {
        return appId;
    }

    Double pi() {
        return pi;
    }
}
