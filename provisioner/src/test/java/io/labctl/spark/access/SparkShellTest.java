package io.labctl.spark.access;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.labctl.spark.access.MockCluster.NAME;
import static io.labctl.spark.access.MockCluster.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tier: unit, against fabric8's mock API server in CRUD mode. Attaching a terminal runs in SparkAccessIT (tmux). */
@EnableKubernetesMockClient(crud = true)
class SparkShellTest {
    KubernetesClient client;

    @Test
    void plan_pyspark_isAShellPodOfTheCluster_withATerminal_createdOnlyWhenRun() {
        MockCluster.deploy(client);

        SparkShell.Plan plan = new SparkShell(client, Progress.SILENT).plan(NS, NAME, SparkShell.Program.PYSPARK);

        assertThat(plan.podName()).matches("spark-a-shell-[a-z0-9]{5}");
        assertThat(plan.pod().getMetadata().getLabels()).isEqualTo(Map.of("app.kubernetes.io/name", "spark",
                "app.kubernetes.io/instance", "spark-a", "app.kubernetes.io/managed-by", "labctl",
                "app.kubernetes.io/component", "shell"));
        Container container = plan.pod().getSpec().getContainers().get(0);
        assertThat(container.getImage()).isEqualTo("labctl/spark-master:3.5.7");
        assertThat(container.getTty()).isTrue();
        assertThat(container.getArgs()).containsSequence("labctl-wait-for-attach", "pyspark", "--master",
                "spark://spark-a-master-svc.lab.svc:7077");
        assertThat(plan.pod().getSpec().getEnableServiceLinks()).isFalse();
        assertThat(plan.kubectl()).startsWith("kubectl run -n lab spark-a-shell -it --rm --restart=Never");
        assertThat(client.pods().inNamespace(NS).list().getItems()).as("planning creates nothing").isEmpty();
    }

    @Test
    void plan_unknownCluster_isNotFound() {
        assertThatThrownBy(() -> new SparkShell(client, Progress.SILENT).plan(NS, "spark-b", SparkShell.Program.SQL))
                .isInstanceOfSatisfying(LabctlException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.NOT_FOUND));
    }
}
