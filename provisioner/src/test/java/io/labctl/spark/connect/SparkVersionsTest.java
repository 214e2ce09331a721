package io.labctl.spark.connect;

import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tier: unit. */
class SparkVersionsTest {

    @Test
    void fromUi_readsTheVersionInTheMastersHeader() {
        assertThat(SparkVersions.fromUi("<a><span class=\"version\" style=\"margin-right: 15px;\">3.5.7</span></a>"))
                .contains("3.5.7");
        assertThat(SparkVersions.fromUi("<html>starting</html>")).isEmpty();
    }

    @Test
    void requireMatching_sameVersions_passes() {
        SparkVersions.requireMatching(new SparkVersions.Local("3.11", "3.5.7", "pyspark"), "3.5.7", "3.11", "python3",
                true, "spark-a");
    }

    @Test
    void requireMatching_eachMismatch_isAPreconditionWithItsFix() {
        assertRefused(new SparkVersions.Local("3.11", "3.4.1", "pyspark"), "3.11", true,
                "pyspark 3.4.1 here, Spark 3.5.7 in the cluster", "pip install pyspark==3.5.7");
        assertRefused(new SparkVersions.Local("3.9", "3.5.7", "pyspark"), "3.11", true,
                "Python 3.9 here, 3.11 in the worker pods", "use Python 3.11 here");
        assertRefused(new SparkVersions.Local("3.11", null, "spark-submit"), null, false,
                "pyspark is not installed for python3 on this machine", "pip install pyspark==3.5.7");
        assertRefused(new SparkVersions.Local(null, "3.5.7", "spark-submit"), null, true,
                "python3 is not on PATH", "labctl spark run spark-a --py FILE");
        // a jar job driven by a Spark distribution's spark-submit needs no pyspark
        SparkVersions.requireMatching(new SparkVersions.Local(null, "3.5.7", "spark-submit"), "3.5.7", null, "python3",
                false, "spark-a");
    }

    private static void assertRefused(SparkVersions.Local local, String workerPython, boolean pythonJob, String message,
                                      String hint) {
        assertThatThrownBy(() -> SparkVersions.requireMatching(local, "3.5.7", workerPython, "python3", pythonJob, "spark-a"))
                .isInstanceOfSatisfying(LabctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.PRECONDITION);
                    assertThat(e.getMessage()).contains(message);
                    assertThat(e.hint()).contains(hint);
                });
    }
}
