package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.labctl.core.LabctlException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tier: unit. */
class ClusterObjectsTest {
    private final ClusterObjects rendered = new StandaloneManifests().render(TestSpecs.defaults());

    @Test
    void inApplyOrder_putsWhatOthersReferToFirst_whateverOrderStepsAddedThemIn() {
        ClusterObjects objects = rendered.with(claim("data")).with(configMap("conf"));

        assertThat(objects.inApplyOrder()).extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
                .containsExactly("ConfigMap/conf", "PersistentVolumeClaim/data", "Service/spark-a-master-svc",
                        "Deployment/spark-a-master", "Deployment/spark-a-worker");
        assertThat(objects.kinds()).containsExactly(ConfigMap.class, PersistentVolumeClaim.class, Service.class,
                Deployment.class);
    }

    @Test
    void with_anObjectOfTheSameKindAndName_replacesIt() {
        ConfigMap first = configMap("conf");
        ConfigMap second = new ConfigMapBuilder(first).addToData("k", "v2").build();

        ClusterObjects objects = rendered.with(first).with(second);

        assertThat(objects.inApplyOrder()).filteredOn(o -> o instanceof ConfigMap).containsExactly(second);
    }

    @Test
    void mapSparkDeployments_changesMasterAndWorkersOnly() {
        ClusterObjects objects = rendered.mapSparkDeployments(d -> new io.fabric8.kubernetes.api.model.apps
                .DeploymentBuilder(d).editMetadata().addToAnnotations("x", "y").endMetadata().build());

        assertThat(objects.master().getMetadata().getAnnotations()).containsEntry("x", "y");
        assertThat(objects.workers().getMetadata().getAnnotations()).containsEntry("x", "y");
        assertThat(objects.masterService()).isEqualTo(rendered.masterService());
    }

    @Test
    void master_whenTheListHoldsNone_isALabctlBugNotANullPointer() {
        ClusterObjects noMaster = ClusterObjects.of(List.of(rendered.masterService(), rendered.workers()));

        assertThatThrownBy(noMaster::master).isInstanceOf(LabctlException.class)
                .hasMessageContaining("0 Deployment objects of component master");
    }

    @Test
    void possibleKinds_areTheTemplatesKindsWhatStepsAddAndWhatJobsCreate_forTeardownToLookThrough() {
        List<Class<? extends HasMetadata>> kinds = List.copyOf(StandaloneManifests.possibleKinds());

        assertThat(kinds).containsExactly(Service.class, Deployment.class, PersistentVolumeClaim.class, Pod.class,
                ConfigMap.class);
        assertThat(KubectlEquivalents.teardown("lab", "spark-a")).containsExactly("kubectl delete "
                + "services,deployments,persistentvolumeclaims,pods,configmaps -n lab -l app.kubernetes.io/name=spark,"
                + "app.kubernetes.io/instance=spark-a,app.kubernetes.io/managed-by=labctl --wait");
        assertThat(KubectlEquivalents.teardown("lab", "spark-a", true).get(0)).doesNotContain("persistentvolumeclaims");
    }

    @Test
    void possibleKinds_withoutRendering_holdEveryKindTheTemplatesRender() {
        // possibleKinds() reads the kinds the templates declare; rendering checks each template against its own
        assertThat(StandaloneManifests.possibleKinds())
                .containsAll(new StandaloneManifests().render(SparkClusterSpec.defaults("kinds", "default")).kinds());
    }

    private static ConfigMap configMap(String name) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace("lab").endMetadata().build();
    }

    private static PersistentVolumeClaim claim(String name) {
        return new PersistentVolumeClaimBuilder().withNewMetadata().withName(name).withNamespace("lab").endMetadata()
                .build();
    }
}
