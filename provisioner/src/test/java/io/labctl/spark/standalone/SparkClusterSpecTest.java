package io.labctl.spark.standalone;

import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tier: unit. */
class SparkClusterSpecTest {

    static SparkClusterSpec spec() {
        return SparkClusterSpec.defaults("spark-a", "lab");
    }

    @Test
    void defaults_areValid() {
        assertThat(spec().validate()).isEqualTo(spec());
        assertThat(spec().workers()).isEqualTo(2);
        assertThat(spec().masterImage()).isEqualTo(SparkImages.MASTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Spark", "1spark", "spark_a", "-a", "a-", "", "a.b",
        "abcdefghijabcdefghijabcdefghijabcdefghijx"})
    void validate_rejectsInvalidNames_withUsageError(String name) {
        assertThatThrownBy(() -> SparkClusterSpec.defaults(name, "lab").validate())
                .isInstanceOf(LabctlException.class)
                .hasMessageContaining("cluster name")
                .satisfies(e -> assertThat(((LabctlException) e).exitCode()).isEqualTo(ExitCode.USAGE))
                .satisfies(e -> assertThat(((LabctlException) e).hint()).contains("lowercase"));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 501})
    void validate_rejectsWorkerCountsOutOfRange(int workers) {
        assertThatThrownBy(() -> spec().withWorkers(workers).validate())
                .hasMessage("--workers " + workers + " is out of range");
    }

    @Test
    void validate_acceptsZeroAndMaximumWorkers() {
        assertThat(spec().withWorkers(0).validate().workers()).isZero();
        assertThat(spec().withWorkers(500).validate().workers()).isEqualTo(500);
    }

    @Test
    void validate_rejectsCpuRequestAboveCores() {
        SparkClusterSpec s = new SparkClusterSpec("a", "lab", 1, 1, "1g", "1500m", SparkImages.MASTER, SparkImages.WORKER,
                Expose.nodeport, null, Map.of(), List.of());
        assertThatThrownBy(s::validate).hasMessageContaining("is more than --worker-cores 1");
    }

    @Test
    void validate_rejectsNodePortWithoutNodePortExposure() {
        SparkClusterSpec s = new SparkClusterSpec("a", "lab", 1, 1, "1g", "250m", SparkImages.MASTER, SparkImages.WORKER,
                Expose.none, 30077, Map.of(), List.of());
        assertThatThrownBy(s::validate).hasMessage("--node-port needs --expose nodeport");
    }

    @Test
    void validate_rejectsNodePortOutsideRange() {
        SparkClusterSpec s = new SparkClusterSpec("a", "lab", 1, 1, "1g", "250m", SparkImages.MASTER, SparkImages.WORKER,
                Expose.nodeport, 8080, Map.of(), List.of());
        assertThatThrownBy(s::validate).hasMessageContaining("outside the NodePort range");
    }

    @Test
    void validate_rejectsBadTolerationAndSelector() {
        SparkClusterSpec badToleration = new SparkClusterSpec("a", "lab", 1, 1, "1g", "250m", SparkImages.MASTER,
                SparkImages.WORKER, Expose.nodeport, null, Map.of(), List.of("kwok:Sometimes"));
        assertThatThrownBy(badToleration::validate).hasMessageContaining("is not KEY[=VALUE]:EFFECT");
        SparkClusterSpec badSelector = new SparkClusterSpec("a", "lab", 1, 1, "1g", "250m", SparkImages.MASTER,
                SparkImages.WORKER, Expose.nodeport, null, Map.of("bad key", "x"), List.of());
        assertThatThrownBy(badSelector::validate).hasMessageContaining("is not a valid label key");
    }

    @Test
    void validate_rejectsInvalidNamespace() {
        assertThatThrownBy(() -> SparkClusterSpec.defaults("a", "Lab").validate())
                .hasMessage("namespace 'Lab' is not valid");
    }
}
