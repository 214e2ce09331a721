package io.labctl.spark.access;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.labctl.spark.access.MockCluster.NAME;
import static io.labctl.spark.access.MockCluster.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tier: unit, against fabric8's mock API server in CRUD mode (the master's JSON through the pod proxy is an expectation).
 * The forward itself, and a real browser on it, run in SparkAccessIT.
 */
@EnableKubernetesMockClient(crud = true)
class SparkUiTest {
    KubernetesClient client;
    KubernetesMockServer server;
    SparkUi ui;

    @BeforeEach
    void cluster() {
        MockCluster.deploy(client);
        MockCluster.running(client, "spark-a-master-1", "master");
        MockCluster.running(client, "spark-a-worker-a", "worker");
        MockCluster.running(client, "spark-a-worker-b", "worker");
        ui = new SparkUi(client, Progress.SILENT);
    }

    @Test
    void master_isPort8080OfTheMasterPod_andSaysHowToReachWhatItsLinksPointAt() {
        UiTarget target = ui.target(NS, NAME, SparkUi.Kind.MASTER, 0);

        assertThat(target).isEqualTo(new UiTarget(NS, NAME, SparkUi.Kind.MASTER, "master", "spark-a-master-1", 8080, null,
                List.of("its links to workers and running applications point at pod IPs, which only the cluster reaches:"
                        + " open worker N's UI with `labctl spark ui spark-a --worker N` (N = 1..2), a running"
                        + " application's with `labctl spark ui spark-a --app`")));
        assertThat(target.forwarded()).isTrue();
    }

    @Test
    void worker_isPort8081OfTheNthWorkerPod() {
        UiTarget target = ui.target(NS, NAME, SparkUi.Kind.WORKER, 2);

        assertThat(target.pod()).isEqualTo("spark-a-worker-b");
        assertThat(target.podPort()).isEqualTo(8081);
        assertThat(target.what()).isEqualTo("worker 2");
    }

    @Test
    void worker_outOfRange_isAUsageError() {
        assertThatThrownBy(() -> ui.target(NS, NAME, SparkUi.Kind.WORKER, 3))
                .isInstanceOfSatisfying(LabctlException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessage("no worker 3: spark-a has 2 worker pods (1..2)");
    }

    @Test
    void app_aJobPodRuns_isPort4040OfIt() {
        MockCluster.running(client, "spark-a-job-x2b4c", "job");

        UiTarget target = ui.target(NS, NAME, SparkUi.Kind.APP, 0);

        assertThat(target.pod()).isEqualTo("spark-a-job-x2b4c");
        assertThat(target.podPort()).isEqualTo(4040);
    }

    @Test
    void app_noneRuns_isAPreconditionErrorSayingHowToStartOne() {
        expectMasterJson("{\"status\":\"ALIVE\",\"workers\":[],\"activeapps\":[]}");

        assertThatThrownBy(() -> ui.target(NS, NAME, SparkUi.Kind.APP, 0))
                .isInstanceOfSatisfying(LabctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.PRECONDITION);
                    assertThat(e.getMessage()).isEqualTo("no application is running on spark-a");
                    assertThat(e.hint()).contains("labctl spark run spark-a pi 10000").contains("labctl spark shell spark-a");
                });
    }

    @Test
    void app_runningWithItsDriverOutsideThePods_needsNoForward_andSaysWhereItsUiIs() {
        expectMasterJson("{\"status\":\"ALIVE\",\"workers\":[],\"activeapps\":[{\"id\":\"app-20261122100000-0003\","
                + "\"name\":\"host-driver\",\"state\":\"RUNNING\"}]}");

        UiTarget target = ui.target(NS, NAME, SparkUi.Kind.APP, 0);

        assertThat(target.forwarded()).isFalse();
        assertThat(target.what()).isEqualTo("application app-20261122100000-0003 (host-driver)");
        assertThat(target.directUrl()).isEqualTo("http://localhost:4040");
        assertThat(target.notes()).singleElement().asString().contains("`labctl spark connect` runs drivers on your machine");
    }

    @Test
    void unknownCluster_isNotFound() {
        assertThatThrownBy(() -> ui.target(NS, "spark-b", SparkUi.Kind.MASTER, 0))
                .isInstanceOfSatisfying(LabctlException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.NOT_FOUND));
    }

    private void expectMasterJson(String json) {
        server.expect().get().withPath("/api/v1/namespaces/lab/pods/spark-a-master-1:8080/proxy/json/")
                .andReturn(200, json).always();
    }
}
