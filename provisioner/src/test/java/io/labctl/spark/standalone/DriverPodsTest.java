package io.labctl.spark.standalone;

import io.labctl.spark.pod.JobPodConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class DriverPodsTest {

    @Test
    void masterUrl_isTheServiceInTheNamespace() {
        assertThat(DriverPods.masterUrl("lab", "spark-a")).isEqualTo("spark://spark-a-master-svc.lab.svc:7077");
    }

    @Test
    void executorConf_smallWorkers_getExecutorsThatFitThem() {
        assertThat(DriverPods.executorConf(TestSpecs.sized(2, 1, "512m")))
                .isEqualTo(Map.of("spark.executor.memory", "512m"));
        assertThat(DriverPods.executorConf(TestSpecs.sized(2, 1, "4g")))
                .isEqualTo(Map.of("spark.executor.memory", "1024m"));
    }

    @Test
    void clusterVolumes_areMountedWhereTheWorkersHaveThem_configMapsReadOnly() {
        SparkClusterSpec spec = TestSpecs.defaults().toBuilder().volumes(List.of("data=pvc:1Gi", "conf=configMap:cfg:/srv/conf"))
                .build();

        List<JobPodConfig.Mount> mounts = DriverPods.clusterVolumes(spec);

        assertThat(mounts).containsExactly(
                new JobPodConfig.Mount(VolumesStep.podVolume(spec, VolumeSpec.parse("data=pvc:1Gi")), "/data/data", false),
                new JobPodConfig.Mount(VolumesStep.podVolume(spec, VolumeSpec.parse("conf=configMap:cfg:/srv/conf")), "/srv/conf",
                        true));
    }
}
