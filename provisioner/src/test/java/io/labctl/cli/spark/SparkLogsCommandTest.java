package io.labctl.cli.spark;

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
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit (CLI in-process, against fabric8's mock API server or none). Following runs in SparkAccessIT. */
@EnableKubernetesMockClient(crud = true)
class SparkLogsCommandTest {
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
    void logs_default_printsTheMastersLinesPrefixed_andTheKubectlWayOnStderr() {
        server.expect().get().withPath("/api/v1/namespaces/lab/pods/spark-a-master-1/log?pretty=false&container=c")
                .andReturn(200, "INFO Master: I have been elected leader!\n").always();

        CliRun run = CliRun.run(home, "--kubeconfig", kubeconfig.toString(), "spark", "logs", "spark-a");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("[pod/spark-a-master-1/c] INFO Master: I have been elected leader!\n");
        assertThat(run.err()).contains("The same with kubectl: kubectl logs -n lab -l "
                + "app.kubernetes.io/instance=spark-a,app.kubernetes.io/component=master --prefix --tail=-1");
    }

    @Test
    void logs_twoSelections_isAUsageError() {
        CliRun run = CliRun.run(home, "spark", "logs", "spark-a", "--master", "--all");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("mutually exclusive");
    }

    @Test
    void logs_badTailOrSince_isExit2_beforeContactingTheCluster() throws IOException {
        String unreachable = MockKubeconfig.unreachable(home).toString();

        CliRun tail = CliRun.run(home, "--kubeconfig", unreachable, "spark", "logs", "spark-a", "--tail", "-5");
        CliRun since = CliRun.run(home, "--kubeconfig", unreachable, "spark", "logs", "spark-a", "--since", "5 minutes");

        assertThat(tail.status()).isEqualTo(2);
        assertThat(tail.err()).contains("error: --tail -5 is negative");
        assertThat(since.status()).isEqualTo(2);
        assertThat(since.err()).contains("is not a duration");
    }

    @Test
    void logs_unknownCluster_isExit3_noSuchWorker_isExit2() {
        CliRun unknown = CliRun.run(home, "--kubeconfig", kubeconfig.toString(), "spark", "logs", "spark-b");
        CliRun worker = CliRun.run(home, "--kubeconfig", kubeconfig.toString(), "spark", "logs", "spark-a", "--worker", "4");

        assertThat(unknown.status()).isEqualTo(3);
        assertThat(worker.status()).isEqualTo(2);
        assertThat(worker.err()).contains("error: no worker 4: spark-a has 1 worker pod (1..1)");
    }
}
