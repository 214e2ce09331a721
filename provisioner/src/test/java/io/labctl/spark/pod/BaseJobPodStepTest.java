package io.labctl.spark.pod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class BaseJobPodStepTest {

    @Test
    void emptyPod_becomesANeverRestartedPodWithOneContainer() {
        Pod pod = new BaseJobPodStep().apply(new Pod(), JobPodConfigs.defaults());
        assertThat(pod).isEqualTo(new PodBuilder()
                .withNewMetadata().withName("spark-a-job-x2b4c").withNamespace("lab")
                .addToLabels("app.kubernetes.io/instance", "spark-a").endMetadata()
                .withNewSpec().withRestartPolicy("Never").withEnableServiceLinks(false)
                .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(185L).endSecurityContext()
                .addNewContainer().withName("spark-submit").withImage("labctl/spark-master:3.5.7")
                .withImagePullPolicy("IfNotPresent").endContainer()
                .endSpec().build());
    }
}
