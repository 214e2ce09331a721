package io.labctl.spark.connect;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class DriverCommandTest {
    private final DriverSettings settings = new DriverSettings("spark://10.77.0.1:31077", "10.88.0.1",
            DriverPorts.defaults(), DriverSettings.WORKER_PYTHON);

    @Test
    void withSettings_submitToolsGetThemAsArgumentsRightAfterTheProgram() {
        assertThat(DriverCommand.withSettings(List.of("/opt/venv/bin/spark-submit", "wc.py", "in.txt"), settings))
                .startsWith("/opt/venv/bin/spark-submit", "--master", "spark://10.77.0.1:31077")
                .endsWith("spark.pyspark.python=python3", "wc.py", "in.txt");
        assertThat(DriverCommand.withSettings(List.of("pyspark"), settings)).hasSize(1 + settings.submitArgs().size());
    }

    @Test
    void withSettings_otherCommandsAreLeftAlone_theyReadTheEnvironment() {
        assertThat(DriverCommand.withSettings(List.of("python3", "job.py"), settings)).containsExactly("python3", "job.py");
        assertThat(DriverCommand.environment(settings, "python3.11")).containsEntry("SPARK_MASTER_URL",
                "spark://10.77.0.1:31077").containsEntry("PYSPARK_DRIVER_PYTHON", "python3.11")
                .containsKey("PYSPARK_SUBMIT_ARGS");
    }

    @Test
    void isPython_pysparkPythonOrAPyFile_notAJar() {
        assertThat(DriverCommand.isPython(List.of("pyspark"))).isTrue();
        assertThat(DriverCommand.isPython(List.of("/usr/bin/python3.11", "x"))).isTrue();
        assertThat(DriverCommand.isPython(List.of("spark-submit", "wc.py"))).isTrue();
        assertThat(DriverCommand.isPython(List.of("spark-submit", "--class", "Pi", "app.jar"))).isFalse();
    }
}
