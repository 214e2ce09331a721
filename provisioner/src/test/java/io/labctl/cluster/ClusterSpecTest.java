package io.labctl.cluster;

import java.util.Map;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tier: unit. */
class ClusterSpecTest {
    static ClusterSpec spec(String name, int workers, int cpus, int memory) {
        return new ClusterSpec(name, "k3s", workers, cpus, memory, null, null, Map.of());
    }

    @Test
    void validate_aTypicalLabCluster_passes() {
        assertThat(spec("lab1", 2, 2, 2048).validate().nodes()).isEqualTo(3);
        assertThat(spec("a", 0, 1, 1024).validate().nodes()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Lab1", "1lab", "lab_1", "lab-", "a-very-long-cluster-name-x", ""})
    void validate_badName_isAUsageErrorWithAnExample(String name) {
        assertThatThrownBy(() -> spec(name, 2, 2, 2048).validate())
                .isInstanceOfSatisfying(LabctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).isEqualTo("cluster name '" + name + "' is invalid");
                    assertThat(e.hint()).contains("e.g. lab1");
                });
    }

    @Test
    void validate_outOfRangeSizes_nameTheOption() {
        assertThatThrownBy(() -> spec("lab1", 10, 2, 2048).validate()).hasMessage("--workers 10 is out of range (0..9)");
        assertThatThrownBy(() -> spec("lab1", -1, 2, 2048).validate()).hasMessage("--workers -1 is out of range (0..9)");
        assertThatThrownBy(() -> spec("lab1", 2, 0, 2048).validate()).hasMessage("--cpus 0 is out of range (1..64 per node)");
        assertThatThrownBy(() -> spec("lab1", 2, 2, 512).validate()).hasMessage("--memory 512Mi is out of range (1Gi..256Gi per node)");
    }
}
