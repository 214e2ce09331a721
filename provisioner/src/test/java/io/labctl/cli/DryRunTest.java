package io.labctl.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit (CLI in-process, no cluster). {@code --dry-run} parses as kubectl's does. */
class DryRunTest {
    @TempDir
    Path home;

    @Test
    void bareDryRun_isClient_andTheNextWordStaysAnArgument() {
        CliRun before = CliRun.run(home, "-q", "spark", "deploy", "--dry-run", "spark-a");
        CliRun attached = CliRun.run(home, "-q", "spark", "deploy", "spark-a", "--dry-run=client");

        assertThat(before.status()).as(before.err()).isZero();
        assertThat(before.out()).contains("name: spark-a-master");
        assertThat(attached.out()).isEqualTo(before.out());
    }

    @Test
    void server_isRefused_namingTheValuesThereAre() {
        CliRun server = CliRun.run(home, "spark", "deploy", "spark-a", "--dry-run=server");

        assertThat(server.status()).isEqualTo(2);
        assertThat(server.err()).contains("expected one of [none, client]");
    }

    @Test
    void none_isARealRun() {
        // No kubeconfig here: a real run has to connect, a dry run would not.
        CliRun none = CliRun.run(home, "spark", "deploy", "spark-a", "--dry-run=none", "--kubeconfig",
                home.resolve("missing").toString());

        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).contains("does not exist");
    }

    @Test
    void workerMemory_asKubernetesWritesIt_reachesSparkInItsOwnForm() {
        CliRun r = CliRun.run(home, "-q", "spark", "deploy", "spark-a", "--worker-memory", "1536Mi", "--dry-run");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("- name: SPARK_WORKER_MEMORY\\n\\s+value: 1536m\\n");
    }
}
