package io.labctl.spark.pod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class DriverResourcesStepTest {

    @Test
    void memoryIsHeapPlusSparksOverhead_requestEqualsLimit() {
        Pod base = new BaseJobPodStep().apply(new Pod(), JobPodConfigs.defaults());
        Pod pod = new DriverResourcesStep().apply(base, JobPodConfigs.defaults());
        assertThat(pod).isEqualTo(new PodBuilder(base).editSpec().editFirstContainer().withNewResources()
                .addToRequests("cpu", new Quantity("100m")).addToRequests("memory", new Quantity("896Mi"))
                .addToLimits("cpu", new Quantity("1")).addToLimits("memory", new Quantity("896Mi"))
                .endResources().endContainer().endSpec().build());
    }
}
