package io.labctl.spark.standalone;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tier: unit. */
class SparkMemoryTest {

    @Test
    void parseMib_readsSparkSizes() {
        assertThat(SparkMemory.parseMib("--worker-memory", "1g")).isEqualTo(1024);
        assertThat(SparkMemory.parseMib("--worker-memory", "768m")).isEqualTo(768);
        assertThat(SparkMemory.parseMib("--worker-memory", "2G")).isEqualTo(2048);
    }

    @Test
    void parseMib_rejectsSizesSparkCannotRunAnExecutorIn() {
        assertThatThrownBy(() -> SparkMemory.parseMib("--worker-memory", "256m"))
                .hasMessage("--worker-memory 256m is out of range");
    }

    @Test
    void parseMib_hugeSizes_areOutOfRange_neverWrappedAround() {
        // 18014398509481985 * 1024 = 2^64 + 1024: in long arithmetic it wrapped to 1024, a valid-looking 1g
        assertThatThrownBy(() -> SparkMemory.parseMib("--worker-memory", "18014398509481985g"))
                .hasMessage("--worker-memory 18014398509481985g is out of range")
                .satisfies(e -> assertThat(((io.labctl.core.LabctlException) e).hint()).contains("between 512Mi and 256Gi"));
        assertThatThrownBy(() -> SparkMemory.parseMib("--worker-memory", "99999999999999999999999999m"))
                .hasMessage("--worker-memory 99999999999999999999999999m is out of range");
    }

    @Test
    void parseMib_readsKubernetesBinaryQuantities_roundedDownToWholeMib() {
        assertThat(SparkMemory.parseMib("--worker-memory", "1Gi")).isEqualTo(1024);
        assertThat(SparkMemory.parseMib("--worker-memory", "768Mi")).isEqualTo(768);
        assertThat(SparkMemory.parseMib("--worker-memory", "1.5Gi")).isEqualTo(1536);
        assertThat(SparkMemory.parseMib("--worker-memory", "1.3Gi")).isEqualTo(1331);
        // 1G is Spark's (1 GiB), as it always was, not Kubernetes' 10^9 bytes
        assertThat(SparkMemory.parseMib("--worker-memory", "1G")).isEqualTo(1024);
    }

    @Test
    void parseMib_refusesABareNumber_andWhatIsNoSize_withBothForms() {
        // Kubernetes would read bytes, Spark MiB: no guessing.
        assertThatThrownBy(() -> SparkMemory.parseMib("--worker-memory", "1024"))
                .hasMessage("--worker-memory '1024' is not a memory size")
                .satisfies(e -> assertThat(((io.labctl.core.LabctlException) e).hint()).contains("1g", "1Gi"));
        assertThatThrownBy(() -> SparkMemory.parseMib("--worker-memory", "1 GB"))
                .hasMessage("--worker-memory '1 GB' is not a memory size");
        assertThatThrownBy(() -> SparkMemory.parseMib("--worker-memory", "256Mi"))
                .hasMessage("--worker-memory 256Mi is out of range");
    }

    @Test
    void forSpark_givesSparkItsOwnForm_withTheJvmMinimum() {
        assertThat(SparkMemory.forSpark("--executor-memory", "1Gi")).isEqualTo("1024m");
        assertThat(SparkMemory.forSpark("--executor-memory", "2g")).isEqualTo("2048m");
        assertThat(SparkMemory.forSpark("--executor-memory", "450Mi")).isEqualTo("450m");
        assertThatThrownBy(() -> SparkMemory.forSpark("--executor-memory", "400Mi"))
                .hasMessage("--executor-memory 400Mi is out of range");
    }

    @Test
    void workerPodLimit_coversExecutorsDaemonAndOverhead() {
        // 1g for executors + 512 MiB daemon + max(384, 10%) overhead
        assertThat(SparkMemory.workerPodLimitMib(1024)).isEqualTo(1024 + 512 + 384);
        assertThat(SparkMemory.workerPodLimitMib(8192)).isEqualTo(8192 + 512 + 819);
    }
}
