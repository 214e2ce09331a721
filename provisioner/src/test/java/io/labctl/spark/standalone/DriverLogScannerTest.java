package io.labctl.spark.standalone;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit, on lines as Spark 3.5's client-mode driver logs them. */
class DriverLogScannerTest {

    @Test
    void findsAppIdAndPi() {
        DriverLogScanner scanner = new DriverLogScanner();
        scanner.accept("26/11/22 10:18:01 INFO StandaloneSchedulerBackend: Connected to Spark cluster with app ID "
                + "app-20261122101801-0000");
        scanner.accept("26/11/22 10:18:09 INFO DAGScheduler: Job 0 finished: reduce at JavaSparkPi.java:54, took 5.1 s");
        scanner.accept("Pi is roughly 3.1413");
        assertThat(scanner.appId()).isEqualTo("app-20261122101801-0000");
        assertThat(scanner.pi()).isEqualTo(3.1413);
    }

    @Test
    void unrelatedLines_leaveNothing() {
        DriverLogScanner scanner = new DriverLogScanner();
        scanner.accept("WARN NativeCodeLoader: Unable to load native-hadoop library");
        assertThat(scanner.appId()).isNull();
        assertThat(scanner.pi()).isNull();
    }
}
