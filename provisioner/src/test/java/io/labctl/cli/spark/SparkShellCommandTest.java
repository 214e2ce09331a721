package io.labctl.cli.spark;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.labctl.cli.CliRun;
import io.labctl.cli.MockKubeconfig;
import io.labctl.spark.access.MockCluster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit (CLI in-process, against fabric8's mock API server). The shell itself runs in SparkAccessIT, in tmux. */
@EnableKubernetesMockClient(crud = true)
class SparkShellCommandTest {
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
    void shell_pysparkAndSqlTogether_isAUsageError() {
        CliRun run = CliRun.run(home, "spark", "shell", "spark-a", "--pyspark", "--sql");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("mutually exclusive");
    }

    @Test
    void shell_unknownCluster_isExit3() {
        CliRun run = CliRun.run(home, "--kubeconfig", kubeconfig.toString(), "spark", "shell", "spark-b", "--pyspark");

        assertThat(run.status()).isEqualTo(3);
        assertThat(run.err()).contains("error: no Spark cluster named spark-b in namespace lab");
    }

    @Test
    void shell_withoutATerminal_isExit2WithTheScriptWay_andCreatesNoPod() {
        CliRun run = CliRun.run(home, "--kubeconfig", kubeconfig.toString(), "spark", "shell", "spark-a", "--pyspark");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("error: labctl spark shell needs a terminal")
                .contains("hint: run it in a terminal; for a script use `labctl spark run spark-a --py FILE`");
        assertThat(client.pods().inNamespace("lab").list().getItems()).isEmpty();
    }
}
