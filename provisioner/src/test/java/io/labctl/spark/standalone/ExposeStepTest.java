package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.ServiceBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class ExposeStepTest {
    private final ExposeStep step = new ExposeStep();
    private final ClusterObjects rendered = new StandaloneManifests().render(TestSpecs.defaults());

    @Test
    void nodePortWithoutFixedPort_leavesTheTemplatesService() {
        assertThat(step.apply(rendered, TestSpecs.exposed(Expose.nodeport, null))).isSameAs(rendered);
    }

    @Test
    void none_makesTheServiceClusterIp() {
        ClusterObjects result = step.apply(rendered, TestSpecs.exposed(Expose.none, null));
        assertThat(result).isEqualTo(ClusterObjects.of(List.of(
                new ServiceBuilder(rendered.masterService()).editSpec().withType("ClusterIP").endSpec().build(),
                rendered.master(), rendered.workers())));
    }

    @Test
    void fixedNodePort_pinsOnlyTheRpcPort() {
        ClusterObjects result = step.apply(rendered, TestSpecs.exposed(Expose.nodeport, 30777));
        assertThat(result).isEqualTo(ClusterObjects.of(List.of(
                new ServiceBuilder(rendered.masterService()).editSpec().editMatchingPort(p -> p.getPort() == 7077)
                        .withNodePort(30777).endPort().endSpec().build(),
                rendered.master(), rendered.workers())));
    }
}
