package io.labctl.spark.connect;

import io.fabric8.kubernetes.api.model.Pod;
import io.labctl.spark.standalone.SparkClusterSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit (the probe pod; its run against real pods is in SparkLifecycleIT). */
class ReachbackProbeTest {

    @Test
    void pod_runsTheWorkersImageWhereTheWorkersRun_triesEachAddressOnThePort() {
        SparkClusterSpec cluster = SparkClusterSpec.builder("spark-a", "lab").nodeSelector(Map.of("pool", "spark"))
                .tolerations(List.of("gpu=yes:NoSchedule")).workerImage("labctl/spark-worker:3.5.7").build();

        Pod pod = ReachbackProbe.pod(cluster, List.of("10.88.0.1", "192.168.1.5"), 29170);

        assertThat(pod.getMetadata().getName()).matches("spark-a-reach-probe-[0-9a-f]{6}");
        assertThat(pod.getMetadata().getLabels()).containsEntry("app.kubernetes.io/instance", "spark-a")
                .containsEntry("app.kubernetes.io/component", "reach-probe");
        assertThat(pod.getSpec().getNodeSelector()).isEqualTo(Map.of("pool", "spark"));
        assertThat(pod.getSpec().getTolerations()).singleElement()
                .satisfies(t -> assertThat(t.getKey() + "=" + t.getValue() + ":" + t.getEffect()).isEqualTo("gpu=yes:NoSchedule"));
        var container = pod.getSpec().getContainers().get(0);
        assertThat(container.getImage()).isEqualTo("labctl/spark-worker:3.5.7");
        assertThat(container.getCommand()).startsWith("bash", "-c").endsWith("probe", "29170", "10.88.0.1", "192.168.1.5");
        assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Never");
    }
}
