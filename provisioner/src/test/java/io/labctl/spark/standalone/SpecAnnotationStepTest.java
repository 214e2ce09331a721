package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class SpecAnnotationStepTest {

    @Test
    void annotatesTheMasterMetadata_notItsPodTemplate() {
        ClusterObjects plain = new ClusterObjects(
                new StandaloneManifests().render(TestSpecs.defaults()).masterService(),
                new DeploymentBuilder().withNewMetadata().withName("m").endMetadata().withNewSpec().withNewTemplate()
                        .endTemplate().endSpec().build(),
                new DeploymentBuilder().withNewMetadata().withName("w").endMetadata().build());
        ClusterObjects result = new SpecAnnotationStep().apply(plain, TestSpecs.defaults());
        assertThat(result).isEqualTo(new ClusterObjects(plain.masterService(),
                new DeploymentBuilder(plain.master()).editMetadata()
                        .addToAnnotations(SparkLabels.SPEC_ANNOTATION, SpecCodec.toJson(TestSpecs.defaults()))
                        .endMetadata().build(),
                plain.workers()));
    }
}
