package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

import io.labctl.kube.Namespaces;

import java.util.ArrayList;
import java.util.List;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. The rendered templates, as deploy applies them. */
class StandaloneManifestsTest {
    private final StandaloneManifests manifests = new StandaloneManifests();

    @Test
    void render_givesServiceMasterAndWorkers_inApplyOrder() {
        ClusterObjects objects = manifests.render(TestSpecs.defaults());
        assertThat(objects.inApplyOrder()).extracting(HasMetadata::getKind, o -> o.getMetadata().getName())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Service", "spark-a-master-svc"),
                        org.assertj.core.groups.Tuple.tuple("Deployment", "spark-a-master"),
                        org.assertj.core.groups.Tuple.tuple("Deployment", "spark-a-worker"));
        assertThat(objects.inApplyOrder()).allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isEqualTo("lab"));
    }

    @Test
    void render_everySelectorIncludesTheInstance() {
        ClusterObjects objects = manifests.render(TestSpecs.defaults());
        Map<String, String> master = SparkLabels.component("spark-a", SparkLabels.MASTER);
        assertThat(objects.masterService().getSpec().getSelector()).containsEntry(SparkLabels.INSTANCE, "spark-a");
        assertThat(objects.master().getSpec().getSelector().getMatchLabels()).containsEntry(SparkLabels.INSTANCE, "spark-a");
        assertThat(objects.workers().getSpec().getSelector().getMatchLabels()).containsEntry(SparkLabels.INSTANCE, "spark-a");
        // and the master's template carries exactly the labels the Service selects (no dangling Service)
        assertThat(objects.master().getSpec().getTemplate().getMetadata().getLabels()).isEqualTo(master);
        assertThat(master).containsAllEntriesOf(objects.masterService().getSpec().getSelector());
    }

    @Test
    void render_twoClustersNeverSelectEachOthersPods() {
        ClusterObjects a = manifests.render(TestSpecs.named("spark-a"));
        ClusterObjects b = manifests.render(TestSpecs.named("spark-b"));
        Map<String, String> podsOfB = b.workers().getSpec().getTemplate().getMetadata().getLabels();
        Map<String, String> masterOfB = b.master().getSpec().getTemplate().getMetadata().getLabels();
        assertThat(selects(a.workers().getSpec().getSelector().getMatchLabels(), podsOfB)).isFalse();
        assertThat(selects(a.masterService().getSpec().getSelector(), masterOfB)).isFalse();
        assertThat(selects(b.masterService().getSpec().getSelector(), masterOfB)).isTrue();
    }

    @Test
    void render_podsAvoidServiceLinkVariablesAndUseLoadedImages() {
        ClusterObjects objects = manifests.render(TestSpecs.defaults());
        for (Deployment d : new Deployment[] {objects.master(), objects.workers()}) {
            assertThat(d.getSpec().getTemplate().getSpec().getEnableServiceLinks()).isFalse();
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(c.getImagePullPolicy()).isEqualTo("IfNotPresent");
            assertThat(c.getReadinessProbe()).isNotNull();
            assertThat(c.getLivenessProbe()).isNotNull();
        }
        assertThat(objects.masterService().getMetadata().getName()).isNotEqualTo("spark-a-master");
    }

    @Test
    void render_workerResourcesMatchWhatTheWorkerOffersSpark() {
        ClusterObjects objects = manifests.render(TestSpecs.sized(3, 2, "2g"));
        Container worker = objects.workers().getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> env = worker.getEnv().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
        assertThat(objects.workers().getSpec().getReplicas()).isEqualTo(3);
        assertThat(env).containsEntry("SPARK_WORKER_CORES", "2").containsEntry("SPARK_WORKER_MEMORY", "2048m")
                .containsEntry("SPARK_MASTER_URL", "spark://spark-a-master-svc.lab.svc:7077");
        assertThat(worker.getResources().getLimits()).containsEntry("cpu", new Quantity("2"))
                .containsEntry("memory", new Quantity(SparkMemory.workerPodLimitMib(2048) + "Mi"));
        assertThat(worker.getResources().getRequests()).containsEntry("cpu", new Quantity("250m"));
    }

    @Test
    void render_recordsTheSpecForScale() {
        ClusterObjects objects = manifests.render(TestSpecs.defaults());
        String json = objects.master().getMetadata().getAnnotations().get(SparkLabels.SPEC_ANNOTATION);
        assertThat(SpecCodec.fromJson(json, "test")).isEqualTo(TestSpecs.defaults());
    }

    @Test
    void toYaml_isParseableBackIntoTheSameObjects_namespaceFirst() {
        ClusterObjects objects = manifests.render(TestSpecs.defaults());
        Namespace namespace = Namespaces.createdByLabctl("lab");

        String yaml = manifests.toYaml(TestSpecs.defaults(), List.of(namespace));

        List<HasMetadata> parsed = new KubernetesSerialization().unmarshal(yaml);
        List<HasMetadata> expected = new ArrayList<>(List.of(namespace));
        expected.addAll(objects.inApplyOrder());
        assertThat(parsed).isEqualTo(expected);
    }

    @Test
    void toYaml_keepsEveryCommentOfTheTemplates_aboveTheSameKey() {
        String yaml = manifests.toYaml(TestSpecs.defaults(), List.of());

        for (String template : List.of("master-service.yaml", "master-deployment.yaml", "worker-deployment.yaml")) {
            String text = ManifestTemplate.load(StandaloneManifests.DIRECTORY + template).text();
            List<String> comments = text.lines().map(String::strip).filter(l -> l.startsWith("#")).toList();
            assertThat(comments).isNotEmpty();
            assertThat(yaml.lines().map(String::strip).toList()).as(template).containsAll(comments);
        }
        // the comment on the Service's selector stands right above it
        assertThat(yaml).contains("  # Must match the master pod's labels exactly, instance included.\n  selector:\n");
    }

    private static boolean selects(Map<String, String> selector, Map<String, String> podLabels) {
        return podLabels.entrySet().containsAll(selector.entrySet());
    }
}
