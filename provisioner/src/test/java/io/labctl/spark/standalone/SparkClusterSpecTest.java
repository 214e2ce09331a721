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
    @ValueSource(ints = {-1, 1001})
    void validate_rejectsWorkerCountsOutOfRange(int workers) {
        assertThatThrownBy(() -> spec().withWorkers(workers).validate())
                .hasMessage("--workers " + workers + " is out of range");
    }

    @Test
    void validate_acceptsZeroAndMaximumWorkers() {
        assertThat(spec().withWorkers(0).validate().workers()).isZero();
        assertThat(spec().withWorkers(1000).validate().workers()).isEqualTo(1000);
    }

    @Test
    void validate_rejectsCpuRequestAboveCores() {
        SparkClusterSpec s = SparkClusterSpec.builder("a", "lab").workers(1).workerCpuRequest("1500m").build();
        assertThatThrownBy(s::validate).hasMessageContaining("is more than --worker-cores 1");
    }

    @Test
    void validate_rejectsNodePortWithoutNodePortExposure() {
        SparkClusterSpec s = SparkClusterSpec.builder("a", "lab").expose(Expose.none).nodePort(30077).build();
        assertThatThrownBy(s::validate).hasMessage("--node-port needs --expose nodeport");
    }

    @Test
    void validate_rejectsNodePortOutsideRange() {
        SparkClusterSpec s = SparkClusterSpec.builder("a", "lab").nodePort(8080).build();
        assertThatThrownBy(s::validate).hasMessageContaining("outside the NodePort range");
    }

    @Test
    void validate_rejectsBadTolerationAndSelector() {
        SparkClusterSpec badToleration = SparkClusterSpec.builder("a", "lab").tolerations(List.of("kwok:Sometimes")).build();
        assertThatThrownBy(badToleration::validate).hasMessageContaining("is not KEY[=VALUE]:EFFECT");
        SparkClusterSpec badSelector = SparkClusterSpec.builder("a", "lab").nodeSelector(Map.of("bad key", "x")).build();
        assertThatThrownBy(badSelector::validate).hasMessageContaining("is not a valid label key");
    }

    @Test
    void validate_volumesOfOneNameOrOneMountPath_areRefused() {
        assertThatThrownBy(() -> SparkClusterSpec.builder("a", "lab").volumes(List.of("data=pvc:1Gi", "data=pvc:2Gi"))
                .build().validate()).hasMessage("--volume data is given twice");
        assertThatThrownBy(() -> SparkClusterSpec.builder("a", "lab").volumes(List.of("a=pvc:1Gi:/d", "b=hostPath:/x:/d"))
                .build().validate()).hasMessage("--volume b mounts at /d, where another volume is mounted");
        assertThat(SparkClusterSpec.builder("a", "lab").volumes(List.of("a=pvc:1Gi", "b=configMap:words")).build()
                .validate().volumeSpecs()).extracting(VolumeSpec::mount).containsExactly("/data/a", "/data/b");
    }

    @Test
    void validate_rejectsInvalidNamespace() {
        assertThatThrownBy(() -> SparkClusterSpec.defaults("a", "Lab").validate())
                .hasMessage("namespace 'Lab' is not valid");
    }
}
