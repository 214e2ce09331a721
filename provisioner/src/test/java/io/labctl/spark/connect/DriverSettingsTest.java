package io.labctl.spark.connect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class DriverSettingsTest {
    private final DriverSettings settings = new DriverSettings("spark://10.77.0.1:31077", "10.88.0.1",
            DriverPorts.defaults(), DriverSettings.WORKER_PYTHON);

    @Test
    void submitArgs_masterThenEverySettingTheExecutorsNeedToReachTheDriver() {
        assertThat(settings.submitArgs()).containsExactly("--master", "spark://10.77.0.1:31077",
                "--conf", "spark.driver.host=10.88.0.1", "--conf", "spark.driver.bindAddress=0.0.0.0",
                "--conf", "spark.driver.port=29170", "--conf", "spark.blockManager.port=29171",
                "--conf", "spark.pyspark.python=python3");
    }

    @Test
    void exportLines_giveAShellPysparkSubmitArgs_endingInPysparkShell() {
        assertThat(settings.exportLines()).containsExactly("export SPARK_MASTER_URL=spark://10.77.0.1:31077",
                "export PYSPARK_SUBMIT_ARGS='--master spark://10.77.0.1:31077 --conf spark.driver.host=10.88.0.1"
                        + " --conf spark.driver.bindAddress=0.0.0.0 --conf spark.driver.port=29170"
                        + " --conf spark.blockManager.port=29171 --conf spark.pyspark.python=python3 pyspark-shell'");
    }
}
