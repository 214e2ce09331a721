package io.labctl.cli.completion;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.labctl.cli.CliRun;
import io.labctl.cli.MockKubeconfig;
import io.labctl.kube.MockApiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit, mock API server: {@code -n <TAB>} lists the cluster's namespaces; a refusal (RBAC) offers nothing. */
@MockApiTest
@EnableKubernetesMockClient(crud = true)
class NamespaceNamesTest {
    static KubernetesClient client;
    static KubernetesMockServer server;

    @TempDir
    static Path home;
    static String kubeconfig;

    @BeforeAll
    static void namespaces() throws IOException {
        for (String name : new String[] {"lab", "labctl-demo", "kube-system"}) {
            client.resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
                    .createOr(NonDeletingOperation::update);
        }
        kubeconfig = MockKubeconfig.write(client, home).toString();
    }

    private static CliRun complete(String kubeconfigFile, String... words) {
        String[] args = new String[words.length + 4];
        args[0] = "--kubeconfig";
        args[1] = kubeconfigFile;
        args[2] = "__complete";
        args[3] = "--";
        System.arraycopy(words, 0, args, 4, words.length);
        return CliRun.run(Map.of("HOME", home.toString()), home, false, args);
    }

    @Test
    void namespaceOption_offersTheClustersNamespaces_thatStartAsTyped() {
        assertThat(complete(kubeconfig, "spark", "list", "-n", "lab").out()).isEqualTo("lab\nlabctl-demo\n");
        assertThat(complete(kubeconfig, "--namespace", "").out()).contains("lab\n", "kube-system\n");
    }

    @Test
    void anUnreachableCluster_offersNothing_atOnce_andSaysNothing() throws IOException {
        String unreachable = MockKubeconfig.unreachable(home).toString();
        long start = System.nanoTime();

        CliRun run = complete(unreachable, "-n", "");

        assertThat(run.status()).isZero();
        assertThat(run.out() + run.err()).isEmpty();
        assertThat(System.nanoTime() - start).as("a refused connection is no reason to wait")
                .isLessThan(ClusterRead.DEADLINE.toNanos());
    }
}
