package io.labctl.grading.live;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.labctl.kube.KubeSession;
import io.labctl.kube.MockApiTest;
import io.labctl.kube.MockKubeconfig;
import io.labctl.spark.standalone.MasterStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier: unit, mock API server (fabric8's, CRUD mode, one per class; a namespace per test). How the checks see one
 * student cluster: found through the Deployments' own selectors, read once per grading run.
 */
@MockApiTest
@EnableKubernetesMockClient(crud = true, https = false)
class SparkClusterViewTest {
    static KubernetesMockServer server;
    static KubernetesClient client; // seeds the cluster, as its student would
    static KubeSession grader;      // reads it, as labctl's grading does

    @BeforeAll
    static void connectTheGrader() {
        grader = MockKubeconfig.connect(server);
    }

    /** Before the extension stops the server, so no request of ours is still open then. */
    @AfterAll
    static void closeClientsFirst() {
        grader.close();
        client.close();
    }

    /** The paths of the requests the server received since the last call (tests of this class run one at a time). */
    private static List<String> requestsSinceLastCall() throws InterruptedException {
        List<String> paths = new ArrayList<>();
        for (RecordedRequest r = server.takeRequest(10, TimeUnit.MILLISECONDS); r != null;
             r = server.takeRequest(10, TimeUnit.MILLISECONDS)) {
            paths.add(r.getPath());
        }
        return paths;
    }

    @Test
    void masterStatus_isReadOnceForAllChecksOfAStudent_andKeptRawForTheFingerprint() throws InterruptedException {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2).seed(server, client);
        LiveCluster live = new LiveCluster(grader.client(), "student");
        requestsSinceLastCall();

        MasterStatus first = new SparkClusterView(live, cluster.namespace(), "spark").masterStatus().orElseThrow();
        MasterStatus again = new SparkClusterView(live, cluster.namespace(), "spark").masterStatus().orElseThrow();

        assertThat(again).isEqualTo(first);
        assertThat(first.aliveWorkerCount()).isEqualTo(2);
        String proxyPath = "/api/v1/namespaces/" + cluster.namespace() + "/pods/" + cluster.masterPodName()
                + ":8080/proxy/json/";
        assertThat(requestsSinceLastCall()).containsOnlyOnce(proxyPath).filteredOn(p -> p.contains("/proxy/")).hasSize(1);
        assertThat(live.masterJson()).containsOnlyKeys(cluster.namespace() + "/spark");
        assertThat(MasterStatus.parse(live.masterJson().get(cluster.namespace() + "/spark"))).isEqualTo(first);
    }

    @Test
    void masterPod_isTheRunningOne_notANewOneStillPending() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 1).seed(server, client);
        client.resource(new PodBuilder(client.pods().inNamespace(cluster.namespace()).withName(cluster.masterPodName()).get())
                .editMetadata().withName("spark-master-6c7d8e9f0-new").withResourceVersion(null).endMetadata()
                .editStatus().withPhase("Pending").withPodIP(null).withConditions().withContainerStatuses().endStatus()
                .build()).create();

        SparkClusterView view = new SparkClusterView(new LiveCluster(grader.client(), "student"), cluster.namespace(), "spark");

        assertThat(view.pods("master")).hasSize(2);
        assertThat(view.masterPod()).get().extracting(p -> p.getMetadata().getName()).isEqualTo(cluster.masterPodName());
    }

    @Test
    void pods_areThoseTheDeploymentsSelectorMatches_notLabctlsLabels_andNotShuttingDown() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2).seed(server, client);
        StudentCluster.terminate(client, cluster.namespace(), cluster.workerPodName(0));

        SparkClusterView view = new SparkClusterView(new LiveCluster(grader.client(), "student"), cluster.namespace(), "spark");

        assertThat(view.pods("worker")).extracting(p -> p.getMetadata().getName()).containsExactly(cluster.workerPodName(1));
        assertThat(view.pods("master")).extracting(p -> p.getMetadata().getName()).containsExactly(cluster.masterPodName());
        assertThat(view.pods("driver")).isEmpty();
    }

    @Test
    void pods_deploymentWithoutMatchLabels_selectsNone() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 1)
                .worker(d -> new DeploymentBuilder(d).editSpec().editSelector().withMatchLabels(Map.of()).endSelector()
                        .endSpec().build())
                .seed(server, client);

        SparkClusterView view = new SparkClusterView(new LiveCluster(grader.client(), "student"), cluster.namespace(), "spark");

        assertThat(view.pods("worker")).isEmpty();
    }

    @Test
    void masterStatus_masterAnsweringSomethingElseThanSparksJson_isEmpty() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 1)
                .masterAnswers("<html>Spark Master at spark://10.244.1.10:7077</html>").seed(server, client);

        SparkClusterView view = new SparkClusterView(new LiveCluster(grader.client(), "student"), cluster.namespace(), "spark");

        assertThat(view.masterStatus()).isEmpty();
    }

    @Test
    void selects_isALabelSubsetTest_andAnEmptySelectorSelectsNothing() {
        Map<String, String> labels = Map.of("app", "spark", "role", "master", "pod-template-hash", "5d8f7c9b4");

        assertThat(SparkClusterView.selects(new ServiceBuilder().withNewSpec().withSelector(Map.of("app", "spark",
                "role", "master")).endSpec().build(), labels)).isTrue();
        assertThat(SparkClusterView.selects(new ServiceBuilder().withNewSpec().withSelector(Map.of("app", "spark",
                "role", "worker")).endSpec().build(), labels)).isFalse();
        assertThat(SparkClusterView.selects(new ServiceBuilder().withNewSpec().endSpec().build(), labels)).isFalse();
    }
}
