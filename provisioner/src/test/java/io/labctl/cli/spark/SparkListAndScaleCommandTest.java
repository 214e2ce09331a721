package io.labctl.cli.spark;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.labctl.cli.CliRun;
import io.labctl.cli.MockKubeconfig;
import io.labctl.kube.MockApiTest;
import io.labctl.spark.access.MockCluster;
import io.labctl.spark.standalone.SparkLabels;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier: mock API server (CLI in-process). spark list -o wide|name, spark scale and teardown --dry-run, and scale
 * --file's bad input; live in SparkLifecycleIT and (scale --file) LabRunIT.
 */
@MockApiTest
@EnableKubernetesMockClient(crud = true)
class SparkListAndScaleCommandTest {
    KubernetesClient client;

    @TempDir
    Path home;
    Path kubeconfig;

    @BeforeEach
    void cluster() throws IOException {
        MockCluster.deploy(client);
        kubeconfig = MockKubeconfig.write(client, home);
    }

    @Test
    void list_name_givesWhatTheOtherCommandsTake_andWithA_theNamespaceToo() {
        CliRun name = CliRun.run(home, "--kubeconfig", kubeconfig.toString(), "spark", "list", "-o", "name");
        CliRun all = CliRun.run(home, "--kubeconfig", kubeconfig.toString(), "spark", "list", "-A", "-o", "name");

        assertThat(name.status()).as(name.err()).isZero();
        assertThat(name.out()).isEqualTo("spark-a\n");
        assertThat(all.out()).isEqualTo("lab/spark-a\n");
    }

    @Test
    void list_wide_addsTheImageAndTheAge() {
        CliRun wide = CliRun.run(home, "--kubeconfig", kubeconfig.toString(), "spark", "list", "-o", "wide");

        assertThat(wide.status()).as(wide.err()).isZero();
        assertThat(wide.out().lines().findFirst().orElseThrow()).contains("NAMESPACE", "IMAGE", "AGE");
        assertThat(wide.out()).contains("labctl/spark-worker:3.5.7");
    }

    @Test
    void scale_dryRun_printsTheClusterWithTheNewCount_andChangesNothing() {
        CliRun dry = CliRun.run(home, "--kubeconfig", kubeconfig.toString(), "spark", "scale", "spark-a", "--workers", "3",
                "--dry-run");

        assertThat(dry.status()).as(dry.err()).isZero();
        assertThat(dry.err()).contains("dry run: spark-a would go from 2 to 3 workers; nothing was changed");
        assertThat(dry.out()).contains("name: spark-a-worker").contains("replicas: 3");
        assertThat(client.apps().deployments().inNamespace(MockCluster.NS).withName(SparkLabels.workerDeployment("spark-a"))
                .get().getSpec().getReplicas()).isEqualTo(2);
    }

    @Test
    void scale_dryRun_ofAClusterThatIsNotThere_isExit3() {
        CliRun dry = CliRun.run(home, "--kubeconfig", kubeconfig.toString(), "spark", "scale", "spark-b", "--workers", "3",
                "--dry-run");

        assertThat(dry.status()).isEqualTo(3);
    }

    @Test
    void teardown_dryRun_saysWhatWouldGo_andWhetherTheNamespaceGoes_andChangesNothing() throws Exception {
        // Given the cluster in a namespace labctl created, and nothing else there
        client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                .withName(MockCluster.NS).addToAnnotations(io.labctl.kube.Labels.CREATED_BY_ANNOTATION, "labctl")
                .endMetadata().build()).create();

        CliRun dry = CliRun.run(home, "--kubeconfig", kubeconfig.toString(), "spark", "teardown", "spark-a", "-n",
                MockCluster.NS, "--dry-run");
        CliRun json = CliRun.run(home, "--kubeconfig", kubeconfig.toString(), "spark", "teardown", "spark-a", "-n",
                MockCluster.NS, "--dry-run=client", "-o", "json");
        CliRun absent = CliRun.run(home, "--kubeconfig", kubeconfig.toString(), "spark", "teardown", "spark-z", "-n",
                MockCluster.NS, "--dry-run");

        assertThat(dry.status()).as(dry.err()).isZero();
        assertThat(dry.err()).contains("dry run: nothing was changed");
        assertThat(dry.out()).contains("Would remove Spark cluster spark-a from namespace lab (dry run)")
                .contains("deployment/spark-a-master would be deleted", "deployment/spark-a-worker would be deleted")
                .contains("namespace lab would be deleted (labctl created it and nothing else lives in it)");
        var result = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out()).get(0);
        assertThat(result.path("namespaceDeleted").asBoolean()).isTrue();
        assertThat(result.path("deleted").toString()).contains("deployment/spark-a-master");
        assertThat(absent.status()).isZero();
        assertThat(absent.out()).isEqualTo("Nothing to remove: no Spark cluster spark-z in namespace lab\n");
        // Nothing was deleted
        assertThat(client.apps().deployments().inNamespace(MockCluster.NS).list().getItems()).hasSize(2);
        assertThat(client.namespaces().withName(MockCluster.NS).get()).isNotNull();
    }

    @Test
    void scale_file_withoutTheWorkersDeployment_isExit2_andChangesNeitherFileNorCluster() throws IOException {
        Path yaml = java.nio.file.Files.writeString(home.resolve("other.yaml"),
                "apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n  ports: [{port: 1}]\n");

        CliRun r = CliRun.run(home, "--kubeconfig", kubeconfig.toString(), "spark", "scale", "spark-a", "--workers", "3",
                "--file", yaml.toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains(yaml + " has no Deployment named spark-a-worker");
        assertThat(java.nio.file.Files.readString(yaml)).doesNotContain("replicas");
        assertThat(client.apps().deployments().inNamespace(MockCluster.NS).withName(SparkLabels.workerDeployment("spark-a"))
                .get().getSpec().getReplicas()).isEqualTo(2);
    }

    @Test
    void scale_file_andDryRun_isExit2() {
        CliRun r = CliRun.run(home, "--kubeconfig", kubeconfig.toString(), "spark", "scale", "spark-a", "--workers", "3",
                "--file", home.resolve("spark-a.yaml").toString(), "--dry-run");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--file and --dry-run together");
        assertThat(home.resolve("spark-a.yaml")).doesNotExist();
    }
}
