package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class VolumesStepTest {
    private final VolumesStep step = new VolumesStep();
    private final ClusterObjects rendered = ClusterObjects.of(
            new StandaloneManifests().render(TestSpecs.defaults()).inApplyOrder());

    @Test
    void noVolumes_isANoOp() {
        assertThat(step.apply(rendered, TestSpecs.defaults())).isSameAs(rendered);
    }

    @Test
    void pvc_addsTheClusterLabelledClaim_andMountsItIntoMasterAndWorkers() {
        SparkClusterSpec spec = TestSpecs.defaults().toBuilder().volumes(List.of("data=pvc:1Gi")).build();

        ClusterObjects result = step.apply(rendered, spec);

        assertThat(result).isEqualTo(ClusterObjects.of(List.of(rendered.masterService(),
                mounted(rendered.master(), "/data/data", null), mounted(rendered.workers(), "/data/data", null),
                new PersistentVolumeClaimBuilder().withNewMetadata().withName("spark-a-data").withNamespace("lab")
                        .withLabels(Map.of("app.kubernetes.io/name", "spark", "app.kubernetes.io/instance", "spark-a",
                                "app.kubernetes.io/managed-by", "labctl", "app.kubernetes.io/component", "storage"))
                        .endMetadata().withNewSpec().withAccessModes("ReadWriteOnce").withNewResources()
                        .addToRequests("storage", new Quantity("1Gi")).endResources().endSpec().build())));
        // applied before the Deployments that mount it
        assertThat(result.inApplyOrder().get(0).getKind()).isEqualTo("PersistentVolumeClaim");
    }

    @Test
    void configMap_isMountedReadOnly_andAddsNoObject() {
        SparkClusterSpec spec = TestSpecs.defaults().toBuilder().volumes(List.of("words=configMap:word-list:/in")).build();

        ClusterObjects result = step.apply(rendered, spec);

        assertThat(result.inApplyOrder()).hasSize(3);
        var worker = result.workers().getSpec().getTemplate().getSpec();
        assertThat(worker.getVolumes()).singleElement().satisfies(v -> {
            assertThat(v.getName()).isEqualTo("words");
            assertThat(v.getConfigMap().getName()).isEqualTo("word-list");
        });
        assertThat(worker.getContainers().get(0).getVolumeMounts()).singleElement()
                .satisfies(m -> assertThat(m.getMountPath() + " ro=" + m.getReadOnly()).isEqualTo("/in ro=true"));
    }

    private static Deployment mounted(Deployment deployment, String path, Boolean readOnly) {
        return new DeploymentBuilder(deployment).editSpec().editTemplate().editSpec()
                .addNewVolume().withName("data").withNewPersistentVolumeClaim().withClaimName("spark-a-data")
                .endPersistentVolumeClaim().endVolume()
                .editFirstContainer().addNewVolumeMount().withName("data").withMountPath(path).withReadOnly(readOnly)
                .endVolumeMount().endContainer()
                .endSpec().endTemplate().endSpec().build();
    }
}
