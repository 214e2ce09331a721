package io.labctl.grading.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class KubeYamlFilesTest {
    @TempDir
    Path dir;

    @Test
    void read_keepsKubernetesObjectsWithFileDocumentAndLine_skipsOtherDocuments() {
        KubeYamlFiles.YamlFile file = KubeYamlFiles.read("all.yaml", """
                # leading comment
                settings: not a Kubernetes object
                ---
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: spark-master-svc
                ---
                - a list
                """);

        assertThat(file.error()).isNull();
        assertThat(file.objects()).singleElement().satisfies(o -> {
            assertThat(o.document()).isEqualTo(2);
            assertThat(o.line()).isEqualTo(5);
            assertThat(o.describe()).isEqualTo("Service spark-master-svc (all.yaml:5)");
            assertThat(o.identity()).isEqualTo("Service//spark-master-svc");
        });
    }

    @Test
    void read_syntaxError_keepsTheDocumentsBeforeIt_andNamesTheLine() {
        KubeYamlFiles.YamlFile file = KubeYamlFiles.read("spark.yaml", """
                kind: Service
                metadata:
                  name: a
                ---
                kind: Deployment
                metadata:
                  name: b
                    labels: x
                """);

        assertThat(file.objects()).extracting(KubeObject::name).containsExactly("a");
        assertThat(file.error().describe()).isEqualTo("spark.yaml:8: mapping values are not allowed here");
    }

    @Test
    void read_aKeyTwice_isAnError() {
        KubeYamlFiles.YamlFile file = KubeYamlFiles.read("spark.yaml", "kind: Service\nkind: Deployment\n");

        assertThat(file.error().line()).isEqualTo(2);
        assertThat(file.error().message()).contains("Duplicate field 'kind'");
    }

    @Test
    void of_readsYamlAndYmlOfTheSubmission_distinctObjectsOncePerIdentity() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).write("k8s/extra.yml", "kind: Namespace\nmetadata:\n  name: lab\n");

        KubeYamlFiles yaml = KubeYamlFiles.of(Submission.read(dir));

        assertThat(yaml.files()).extracting(KubeYamlFiles.YamlFile::path)
                .containsExactly("k8s/extra.yml", "spark-commented.yaml", "spark.yaml");
        assertThat(yaml.objects()).hasSize(7);
        assertThat(yaml.distinctObjects()).extracting(KubeObject::identity).containsExactly("Namespace//lab",
                "Deployment//spark-master", "Deployment//spark-worker", "Service//spark-master-svc");
        assertThat(yaml.missing()).isEmpty();
    }

    @Test
    void kubeObject_podTemplateAndLineOfAValue() {
        KubeObject worker = KubeYamlFiles.read("spark.yaml", SubmissionFixture.YAML).objects().get(1);

        assertThat(worker.podLabels()).isEqualTo(Map.of("app", "spark", "component", "worker"));
        assertThat(worker.containers()).extracting(c -> c.path("name").asText()).containsExactly("spark-worker");
        assertThat(worker.lineOf("image", "labctl/spark-worker:3.5.7")).isEqualTo(49);
        assertThat(worker.nameContains("WORKER")).isTrue();
    }
}
