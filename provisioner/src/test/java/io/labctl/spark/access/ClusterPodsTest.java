package io.labctl.spark.access;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.kube.TestPods;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.labctl.spark.access.MockCluster.NAME;
import static io.labctl.spark.access.MockCluster.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tier: unit, against fabric8's mock API server in CRUD mode. */
@EnableKubernetesMockClient(crud = true)
class ClusterPodsTest {
    KubernetesClient client;

    @Test
    void requireCluster_unknownName_isNotFoundWithHowToList() {
        assertThatThrownBy(() -> new ClusterPods(client).requireCluster(NS, "nope"))
                .isInstanceOfSatisfying(LabctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("no Spark cluster named nope in namespace lab");
                    assertThat(e.hint()).contains("labctl spark list -A");
                });
    }

    @Test
    void worker_isNumberedFromOneInNameOrder() {
        MockCluster.deploy(client);
        MockCluster.running(client, "spark-a-worker-b", "worker");
        MockCluster.running(client, "spark-a-worker-a", "worker");

        ClusterPods pods = new ClusterPods(client);

        assertThat(pods.worker(NS, NAME, 1).getMetadata().getName()).isEqualTo("spark-a-worker-a");
        assertThat(pods.worker(NS, NAME, 2).getMetadata().getName()).isEqualTo("spark-a-worker-b");
    }

    @Test
    void liveByName_skipsTerminatingPods() {
        // (the mock API server keeps no deletionTimestamp, so this part is checked on plain pods)
        assertThat(ClusterPods.liveByName(List.of(TestPods.ready("w-b", "worker"), TestPods.terminating("w-0", "worker"),
                TestPods.ready("w-a", "worker")))).extracting(p -> p.getMetadata().getName()).containsExactly("w-a", "w-b");
    }

    @Test
    void worker_outOfRange_isAUsageErrorNamingTheRange() {
        MockCluster.deploy(client);
        MockCluster.running(client, "spark-a-worker-a", "worker");
        MockCluster.running(client, "spark-a-worker-b", "worker");

        assertThatThrownBy(() -> new ClusterPods(client).worker(NS, NAME, 3))
                .isInstanceOfSatisfying(LabctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).isEqualTo("no worker 3: spark-a has 2 worker pods (1..2)");
                    assertThat(e.hint()).contains("labctl spark status spark-a -n lab");
                });
        assertThatThrownBy(() -> new ClusterPods(client).worker(NS, NAME, 0)).hasMessageStartingWith("no worker 0:");
    }

    @Test
    void master_noRunningPod_isAPreconditionError() {
        MockCluster.deploy(client);
        MockCluster.pending(client, "spark-a-master-new", "master");

        assertThatThrownBy(() -> new ClusterPods(client).master(NS, NAME))
                .isInstanceOfSatisfying(LabctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.PRECONDITION);
                    assertThat(e.hint()).isEqualTo("see why with `labctl spark status spark-a -n lab`");
                })
                .hasMessage("the master of spark-a has no running pod");
    }

    @Test
    void newestRunning_whileARestartOverlaps_isTheNewPod() {
        // (the mock API server sets creation times itself, so the order is checked on plain pods)
        Pod old = at(TestPods.ready("m-old", "master"), "2026-11-22T10:00:00Z");
        Pod starting = at(TestPods.runningNotReady("m-new", "master"), "2026-11-22T10:05:00Z");
        Pod pending = at(TestPods.waiting("m-pending", "master", "ContainerCreating"), "2026-11-22T10:09:00Z");

        assertThat(ClusterPods.newest(ClusterPods.running(List.of(old, starting, pending)))).contains(starting);
    }

    @Test
    void runningDriver_isTheNewestRunningJobOrShellPod() {
        MockCluster.deploy(client);
        MockCluster.running(client, "spark-a-master-1", "master");
        MockCluster.running(client, "spark-a-shell-x", SparkShell.COMPONENT);
        MockCluster.pending(client, "spark-a-job-newest", "job");

        assertThat(new ClusterPods(client).runningDriver(NS, NAME)).map(Pod::getMetadata)
                .map(m -> m.getName()).contains("spark-a-shell-x");
    }

    @Test
    void masters_allMasterPodsByName_noOtherComponent() {
        MockCluster.deploy(client);
        MockCluster.running(client, "spark-a-master-b", "master");
        MockCluster.running(client, "spark-a-master-a", "master");
        MockCluster.running(client, "spark-a-worker-a", "worker");

        assertThat(new ClusterPods(client).masters(NS, NAME)).extracting(p -> p.getMetadata().getName())
                .containsExactly("spark-a-master-a", "spark-a-master-b");
    }

    private static Pod at(Pod pod, String created) {
        pod.getMetadata().setCreationTimestamp(created);
        return pod;
    }
}
