package io.labctl.spark.pod;

import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class JobPodBuilderTest {

    @Test
    void build_isTheStepsInOrder() {
        JobPodConfig config = JobPodConfigs.uploaded();
        Pod expected = new UploadedAppStep().apply(new SubmitArgsStep().apply(new DriverResourcesStep().apply(
                new BaseJobPodStep().apply(new Pod(), config), config), config), config);
        assertThat(new JobPodBuilder().build(config)).isEqualTo(expected);
    }
}
