package io.labctl.cli.completion;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.labctl.cli.CliRun;
import io.labctl.cli.MockKubeconfig;
import io.labctl.kube.MockApiTest;
import io.labctl.spark.standalone.SparkClusterSpec;
import io.labctl.spark.standalone.StandaloneManifests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier: unit, mock API server: {@code labctl __complete} offers the Spark clusters labctl deployed in the namespace of
 * the line (its kubeconfig context's namespace is "lab"). The same on the test bed, in a real shell: SparkNameCompletionIT.
 */
@MockApiTest
@EnableKubernetesMockClient(crud = true)
class SparkClusterNamesTest {
    static KubernetesClient client;

    @TempDir
    static Path home;
    static String kubeconfig;

    @BeforeAll
    static void clusters() throws IOException {
        deploy("spark-a", "lab");
        deploy("spark-b", "lab");
        deploy("other-c", "other");
        kubeconfig = MockKubeconfig.write(client, home).toString();
    }

    /** The objects labctl spark deploy makes (Service and Deployments with its labels), as it renders them. */
    private static void deploy(String name, String namespace) {
        for (HasMetadata object : new StandaloneManifests().render(SparkClusterSpec.defaults(name, namespace)).inApplyOrder()) {
            client.resource(object).createOr(NonDeletingOperation::update);
        }
    }

    private static CliRun complete(String... words) {
        String[] args = new String[words.length + 4];
        args[0] = "--kubeconfig";
        args[1] = kubeconfig;
        args[2] = "__complete";
        args[3] = "--";
        System.arraycopy(words, 0, args, 4, words.length);
        return CliRun.run(Map.of("HOME", home.toString()), home, false, args);
    }

    @Test
    void sparkScale_offersTheClustersInTheContextsNamespace() {
        CliRun run = complete("spark", "scale", "");

        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualTo("spark-a\tSpark cluster in lab\nspark-b\tSpark cluster in lab\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void theNamespaceTypedOnTheLine_beforeOrAfterTheCommand_isTheOneAsked() {
        assertThat(complete("-n", "other", "spark", "teardown", "").out()).isEqualTo("other-c\tSpark cluster in other\n");
        assertThat(complete("spark", "logs", "--namespace=other", "").out()).isEqualTo("other-c\tSpark cluster in other\n");
    }

    @Test
    void whatIsTyped_filtersTheNames() {
        assertThat(complete("spark", "status", "spark-b").out()).isEqualTo("spark-b\tSpark cluster in lab\n");
        assertThat(complete("spark", "ui", "x").out()).isEmpty();
    }

    @Test
    void deploy_namesANewCluster_soItOffersNone() {
        assertThat(complete("spark", "deploy", "").out()).isEmpty();
    }

    @Test
    void aNamespaceWithoutClusters_offersNothing() {
        assertThat(complete("-n", "empty", "spark", "scale", "").out()).isEmpty();
    }
}
