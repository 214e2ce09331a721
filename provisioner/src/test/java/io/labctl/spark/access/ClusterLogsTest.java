package io.labctl.spark.access;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.labctl.kube.PodLogStreams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.labctl.spark.access.MockCluster.NAME;
import static io.labctl.spark.access.MockCluster.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tier: unit, against fabric8's mock API server in CRUD mode (logs are expectations). Following across a real master
 * restart runs in SparkAccessIT.
 */
@EnableKubernetesMockClient(crud = true)
class ClusterLogsTest {
    KubernetesClient client;
    KubernetesMockServer server;
    ClusterLogs logs;

    @BeforeEach
    void cluster() {
        MockCluster.deploy(client);
        MockCluster.running(client, "spark-a-master-1", "master");
        MockCluster.running(client, "spark-a-worker-b", "worker");
        MockCluster.running(client, "spark-a-worker-a", "worker");
        MockCluster.running(client, "spark-a-job-x", "job");
        logs = new ClusterLogs(client, Progress.SILENT);
    }

    @Test
    void plan_default_isTheMaster_andTheKubectlLineSelectsIt() {
        ClusterLogs.Plan plan = logs.plan(request(LogRequest.Selection.MASTER, 0));

        assertThat(plan.pods()).extracting(p -> p.getMetadata().getName()).containsExactly("spark-a-master-1");
        assertThat(plan.kubectl()).isEqualTo("kubectl logs -n lab -l app.kubernetes.io/instance=spark-a,"
                + "app.kubernetes.io/component=master --prefix --tail=-1");
    }

    @Test
    void plan_all_isTheMasterThenTheWorkersByName_notJobs() {
        ClusterLogs.Plan plan = logs.plan(request(LogRequest.Selection.ALL, 0));

        assertThat(plan.pods()).extracting(p -> p.getMetadata().getName())
                .containsExactly("spark-a-master-1", "spark-a-worker-a", "spark-a-worker-b");
    }

    @Test
    void plan_worker_namesItsPodInTheKubectlLine() {
        ClusterLogs.Plan plan = logs.plan(request(LogRequest.Selection.WORKER, 2));

        assertThat(plan.pods()).extracting(p -> p.getMetadata().getName()).containsExactly("spark-a-worker-b");
        assertThat(plan.kubectl()).isEqualTo("kubectl logs -n lab pod/spark-a-worker-b --prefix");
    }

    @Test
    void plan_noSuchWorker_isAUsageError_unknownCluster_isNotFound() {
        assertThatThrownBy(() -> logs.plan(request(LogRequest.Selection.WORKER, 5)))
                .isInstanceOfSatisfying(LabctlException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
        assertThatThrownBy(() -> logs.plan(new LogRequest(NS, "spark-b", LogRequest.Selection.MASTER, 0, false, null, null)))
                .isInstanceOfSatisfying(LabctlException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.NOT_FOUND));
    }

    @Test
    void run_withoutFollow_printsEachPodsWindowPrefixedByPodAndContainer() {
        server.expect().get().withPath("/api/v1/namespaces/lab/pods/spark-a-master-1/log?pretty=false&container=c&sinceSeconds=600&tailLines=2")
                .andReturn(200, "INFO Master: Registering worker a\nINFO Master: Registering worker b\n").always();
        List<String> lines = new ArrayList<>();

        logs.run(logs.plan(new LogRequest(NS, NAME, LogRequest.Selection.MASTER, 0, false, Duration.ofMinutes(10), 2)),
                line -> lines.add(line.prefixed()));

        assertThat(lines).containsExactly("[pod/spark-a-master-1/c] INFO Master: Registering worker a",
                "[pod/spark-a-master-1/c] INFO Master: Registering worker b");
    }

    private static LogRequest request(LogRequest.Selection selection, int worker) {
        return new LogRequest(NS, NAME, selection, worker, false, null, null);
    }
}
