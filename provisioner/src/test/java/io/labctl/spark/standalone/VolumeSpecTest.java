package io.labctl.spark.standalone;

import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tier: unit. */
class VolumeSpecTest {

    @Test
    void parse_eachTypeWithItsDefaultOrOwnMountPath() {
        assertThat(VolumeSpec.parse("data=pvc:1Gi")).isEqualTo(new VolumeSpec("data", VolumeSpec.Type.pvc, "1Gi", "/data/data"));
        assertThat(VolumeSpec.parse("in=hostPath:/srv/input:/opt/input"))
                .isEqualTo(new VolumeSpec("in", VolumeSpec.Type.hostPath, "/srv/input", "/opt/input"));
        assertThat(VolumeSpec.parse("words=configMap:word-list"))
                .isEqualTo(new VolumeSpec("words", VolumeSpec.Type.configMap, "word-list", "/data/words"));
        assertThat(VolumeSpec.parse("data=pvc:500Mi").claimName("spark-a")).isEqualTo("spark-a-data");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "data                   | is not NAME=pvc:SIZE",
        "data=nfs:server:/x     | is not NAME=pvc:SIZE",
        "Data=pvc:1Gi           | volume name 'Data' is not valid",
        "data=pvc:lots          | volume size 'lots' is not a Kubernetes quantity",
        "data=pvc:-1Gi          | volume size '-1Gi' is not a Kubernetes quantity",
        "data=hostPath:srv      | the hostPath srv is not an absolute path",
        "data=pvc:1Gi:relative  | the mount path relative is not an absolute path",
        "data=pvc:1Gi:/opt/spark/jars | mount path /opt/spark/jars would hide /opt/spark",
        "data=pvc:1Gi:/         | mount path / would hide the whole file system",
        "data=configMap:Bad_Name | ConfigMap name 'Bad_Name' is not valid"})
    void parse_badValue_isAUsageErrorNamingTheOptionWithAnExample(String value, String problem) {
        assertThatThrownBy(() -> VolumeSpec.parse(value)).isInstanceOfSatisfying(LabctlException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).startsWith("--volume ").contains(problem);
            assertThat(e.hint()).isNotBlank();
        });
    }
}
