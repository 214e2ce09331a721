package io.labctl.cli.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.labctl.cli.CliRun;
import io.labctl.cli.MockKubeconfig;
import io.labctl.spark.access.MockCluster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier: unit (CLI in-process, against fabric8's mock API server or none). What cannot be forwarded or found ends with
 * one line and its exit code; the forward itself, in a real browser, runs in SparkAccessIT.
 */
@EnableKubernetesMockClient(crud = true)
class SparkUiCommandTest {
    KubernetesClient client;
    KubernetesMockServer server;

    @TempDir
    Path home;
    Path kubeconfig;

    @BeforeEach
    void cluster() throws IOException {
        MockCluster.deploy(client);
        MockCluster.running(client, "spark-a-master-1", "master");
        MockCluster.running(client, "spark-a-worker-a", "worker");
        kubeconfig = MockKubeconfig.write(client, home);
    }

    @Test
    void ui_localPortInUse_isExit2WithTheFix_beforeContactingTheCluster() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();

            CliRun run = CliRun.run(home, "--kubeconfig", MockKubeconfig.unreachable(home).toString(), "spark", "ui",
                    "spark-a", "--port", String.valueOf(port));

            assertThat(run.status()).isEqualTo(2);
            assertThat(run.err()).contains("error: local port " + port + " is already in use on this machine")
                    .contains("hint: stop what listens there").contains("labctl spark ui spark-a --port " + (port + 10000));
        }
    }

    @Test
    void ui_appAndWorkerTogether_isAUsageError() {
        CliRun run = CliRun.run(home, "spark", "ui", "spark-a", "--app", "--worker", "1");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("mutually exclusive");
    }

    @Test
    void ui_unknownCluster_isExit3() {
        CliRun run = CliRun.run(home, "--kubeconfig", kubeconfig.toString(), "spark", "ui", "spark-b", "--port", "0");

        assertThat(run.status()).isEqualTo(3);
        assertThat(run.err()).contains("error: no Spark cluster named spark-b in namespace lab");
    }

    @Test
    void ui_noSuchWorker_isExit2NamingTheWorkers() {
        CliRun run = CliRun.run(home, "--kubeconfig", kubeconfig.toString(), "spark", "ui", "spark-a", "--worker", "2",
                "--port", "0");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("error: no worker 2: spark-a has 1 worker pod (1..1)");
    }

    @Test
    void ui_appButNoneRuns_isExit7() {
        expectMasterJson("{\"status\":\"ALIVE\",\"activeapps\":[]}");

        CliRun run = CliRun.run(home, "--kubeconfig", kubeconfig.toString(), "spark", "ui", "spark-a", "--app", "--port", "0");

        assertThat(run.status()).isEqualTo(7);
        assertThat(run.err()).contains("error: no application is running on spark-a").contains("hint: start one");
    }

    @Test
    void ui_appWithItsDriverOnTheHost_saysWhereItsUiIs_forScriptsToo() throws IOException {
        expectMasterJson("{\"status\":\"ALIVE\",\"activeapps\":[{\"id\":\"app-1\",\"name\":\"host-driver\",\"state\":\"RUNNING\"}]}");

        CliRun text = CliRun.run(home, "--kubeconfig", kubeconfig.toString(), "spark", "ui", "spark-a", "--app", "--port", "0");
        CliRun json = CliRun.run(home, "--kubeconfig", kubeconfig.toString(), "spark", "ui", "spark-a", "--app", "--port", "0",
                "-o", "json");

        assertThat(text.status()).isZero();
        assertThat(text.out()).startsWith("Nothing to forward: application app-1 (host-driver)")
                .contains("Its UI: http://localhost:4040 on the machine that runs its driver");
        JsonNode result = new ObjectMapper().readTree(json.out());
        assertThat(result.path("forwarded").asBoolean()).isFalse();
        assertThat(result.path("url").asText()).isEqualTo("http://localhost:4040");
    }

    private void expectMasterJson(String json) {
        server.expect().get().withPath("/api/v1/namespaces/lab/pods/spark-a-master-1:8080/proxy/json/")
                .andReturn(200, json).always();
    }
}
