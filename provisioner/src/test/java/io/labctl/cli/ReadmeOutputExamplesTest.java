package io.labctl.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.labctl.kube.MockApiTest;
import io.labctl.spark.access.MockCluster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier: mock API server (CLI in-process). Every command of the README's "Output, errors and exit codes" example
 * block, read from the README itself, runs and succeeds against a cluster holding spark-a, so the block stays true.
 */
@MockApiTest
@EnableKubernetesMockClient(crud = true)
class ReadmeOutputExamplesTest {
    private static final Path README = Path.of("..", "README.md").toAbsolutePath().normalize();

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
    void everyExampleOfTheOutputSection_runsAndPrintsAResult() throws IOException {
        List<String> commands = Files.readAllLines(README).stream()
                .dropWhile(line -> !line.equals("## Output, errors and exit codes"))
                .dropWhile(line -> !line.equals("```sh")).skip(1)
                .takeWhile(line -> !line.equals("```"))
                .map(line -> line.replaceFirst("\\s+#.*$", "")).toList();
        assertThat(commands).hasSizeGreaterThanOrEqualTo(6).allMatch(line -> line.startsWith("./labctl "));

        for (String command : commands) {
            String[] args = Arrays.stream(command.split("\\s+")).skip(1).toArray(String[]::new);
            CliRun run = CliRun.run(Map.of("KUBECONFIG", kubeconfig.toString()), home, false, args);

            assertThat(run.status()).as(command + "\n" + run.err()).isZero();
            assertThat(run.out()).as(command).isNotBlank();
        }
    }
}
