package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class SpecAnnotationStepTest {

    @Test
    void annotatesTheMasterMetadata_notItsPodTemplate() {
        Deployment master = deployment("m", SparkLabels.MASTER);
        Deployment workers = deployment("w", SparkLabels.WORKER);
        ClusterObjects plain = ClusterObjects.of(List.of(
                new StandaloneManifests().render(TestSpecs.defaults()).masterService(), master, workers));

        ClusterObjects result = new SpecAnnotationStep().apply(plain, TestSpecs.defaults());

        assertThat(result).isEqualTo(ClusterObjects.of(List.of(plain.masterService(),
                new DeploymentBuilder(master).editMetadata()
                        .addToAnnotations(SparkLabels.SPEC_ANNOTATION, SpecCodec.toJson(TestSpecs.defaults()))
                        .endMetadata().build(),
                workers)));
    }

    private static Deployment deployment(String name, String component) {
        return new DeploymentBuilder().withNewMetadata().withName(name).addToLabels(SparkLabels.COMPONENT, component)
                .endMetadata().withNewSpec().withNewTemplate().endTemplate().endSpec().build();
    }
}
