package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class PlacementStepTest {
    private final PlacementStep step = new PlacementStep();
    private final ClusterObjects rendered = new StandaloneManifests().render(TestSpecs.defaults());

    @Test
    void noPlacementOptions_isANoOp() {
        assertThat(step.apply(rendered, TestSpecs.defaults())).isSameAs(rendered);
    }

    @Test
    void selectorAndToleration_goOnMasterAndWorkerPods() {
        ClusterObjects result = step.apply(rendered,
                TestSpecs.placed(Map.of("type", "kwok"), List.of("kwok.x-k8s.io/node=fake:NoSchedule")));
        var toleration = new TolerationBuilder().withKey("kwok.x-k8s.io/node").withOperator("Equal").withValue("fake")
                .withEffect("NoSchedule").build();
        assertThat(result).isEqualTo(ClusterObjects.of(List.of(rendered.masterService(),
                new DeploymentBuilder(rendered.master()).editSpec().editTemplate().editSpec()
                        .addToNodeSelector("type", "kwok").addToTolerations(toleration).endSpec().endTemplate().endSpec().build(),
                new DeploymentBuilder(rendered.workers()).editSpec().editTemplate().editSpec()
                        .addToNodeSelector("type", "kwok").addToTolerations(toleration).endSpec().endTemplate().endSpec().build())));
    }
}
