package io.labctl.grading.live;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.labctl.grading.CheckResult;
import io.labctl.grading.checks.CheckStatus;
import io.labctl.grading.checks.CheckOutcome;
import io.labctl.kube.KubeSession;
import io.labctl.kube.MockApiTest;
import io.labctl.kube.MockKubeconfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.labctl.grading.live.LiveChecks.params;
import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit, mock API server (fabric8's, CRUD mode, one per class; a namespace per test). */
@MockApiTest
@EnableKubernetesMockClient(crud = true, https = false)
class ServiceSelectsMasterCheckTest {
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

    private static CheckOutcome evaluate(StudentCluster cluster) {
        return new ServiceSelectsMasterCheck(params(cluster)).evaluate(LiveChecks.context(grader.client()));
    }

    /** A selector in the order the test writes it (the observation prints it). */
    private static Map<String, String> selector(String... keysAndValues) {
        Map<String, String> selector = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            selector.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return selector;
    }

    @Test
    void evaluate_serviceSelectingExactlyTheMasterPod_passes() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2).seed(server, client);

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome).isEqualTo(CheckOutcome.pass("Service spark-master-svc selector {app=spark, cluster=spark, "
                + "role=master} -> [" + cluster.masterPodName() + "]"));
    }

    @Test
    void evaluate_misspelledSelector_selectsNoPod_failsShowingTheMastersLabels() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2)
                .service(s -> new ServiceBuilder(s).editSpec().withSelector(selector("app", "spark", "cluster", "spark",
                        "role", "mastr")).endSpec().build())
                .seed(server, client);

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome).isEqualTo(CheckOutcome.fail("Service spark-master-svc selector {app=spark, cluster=spark, "
                + "role=mastr} -> no pods", "Service spark-master-svc selects no pod: its selector {app=spark, "
                + "cluster=spark, role=mastr} does not match the master pod's labels {app=spark, cluster=spark, "
                + "role=master, pod-template-hash=5d8f7c9b4}"));
    }

    @Test
    void evaluate_selectorWithoutTheRole_selectsTheWorkersToo_fails() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 1)
                .service(s -> new ServiceBuilder(s).editSpec().withSelector(selector("app", "spark", "cluster", "spark"))
                        .endSpec().build())
                .seed(server, client);

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome).isEqualTo(CheckOutcome.fail("Service spark-master-svc selector {app=spark, cluster=spark} -> ["
                + cluster.masterPodName() + ", " + cluster.workerPodName(0) + "]", "Service spark-master-svc selects ["
                + cluster.masterPodName() + ", " + cluster.workerPodName(0) + "], the master is [" + cluster.masterPodName()
                + "]: add the labels that tell this cluster's master apart (e.g. component: master and the cluster's "
                + "instance label) to the selector"));
    }

    @Test
    void evaluate_selectorWithoutTheClusterName_selectsTheOtherClustersMasterToo_fails() {
        String ns = LiveChecks.namespace();
        StudentCluster other = StudentCluster.healthy(ns, "spark-b", 1, "10.244.2").seed(server, client);
        StudentCluster cluster = StudentCluster.healthy(ns, "spark", 1)
                .service(s -> new ServiceBuilder(s).editSpec().withSelector(selector("app", "spark", "role", "master"))
                        .endSpec().build())
                .seed(server, client);

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(outcome.hint()).isEqualTo("Service spark-master-svc selects [" + other.masterPodName() + ", "
                + cluster.masterPodName() + "], the master is [" + cluster.masterPodName() + "]: add the labels that tell "
                + "this cluster's master apart (e.g. component: master and the cluster's instance label) to the selector");
    }

    @Test
    void evaluate_theOldMasterPodStillTerminatingAfterARestart_passes() {
        String ns = LiveChecks.namespace();
        StudentCluster cluster = StudentCluster.healthy(ns, "spark", 1).seed(server, client);
        // The master was restarted: its new pod runs, the old one is still shutting down (its grace period).
        client.resource(new PodBuilder(client.pods().inNamespace(ns).withName(cluster.masterPodName()).get())
                .editMetadata().withName("spark-master-5d8f7c9b4-old").withResourceVersion(null).endMetadata().build())
                .create();
        StudentCluster.terminate(client, ns, "spark-master-5d8f7c9b4-old");

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome).isEqualTo(CheckOutcome.pass("Service spark-master-svc selector {app=spark, cluster=spark, "
                + "role=master} -> [" + cluster.masterPodName() + "]"));
    }

    @Test
    void evaluate_aSecondServiceOnTheMasterPortWithADanglingSelector_failsNamingIt() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 1);
        cluster.withService(new ServiceBuilder().withNewMetadata().withName("spark-master-ext").endMetadata().withNewSpec()
                        .withType("NodePort").withSelector(selector("app", "sprak")).addNewPort().withPort(7077).endPort()
                        .endSpec().build())
                .seed(server, client);

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(outcome.observed()).isEqualTo("Service spark-master-svc selector {app=spark, cluster=spark, role=master}"
                + " -> [" + cluster.masterPodName() + "]; Service spark-master-ext selector {app=sprak} -> no pods");
        assertThat(outcome.hint()).startsWith("Service spark-master-ext selects no pod");
    }

    @Test
    void evaluate_noMasterPod_failsAskingForTheMasterFirst() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 1).withoutMaster()
                .seed(server, client);

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome).isEqualTo(CheckOutcome.fail("no master pod of " + cluster.namespace() + "/spark-master",
                "deploy the master first"));
    }

    @Test
    void evaluate_noService_failsListingTheServices_withTheLabsHint() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 1).withoutService()
                .seed(server, client);

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome).isEqualTo(CheckOutcome.fail("no Service named spark-master* or selecting its master with "
                + "port 7077; for cluster spark; Services: none"));
    }

    @Test
    void graded_clusterStopsAnswering_isNotGradable() {
        try (KubernetesClient gone = LiveChecks.unreachableClient()) {
            CheckResult result = LiveChecks.graded(gone, "service-selects-master", "namespace", "lab", "cluster", "spark");

            assertThat(result).usingRecursiveComparison().ignoringFields("millis").isEqualTo(LiveChecks.notGradable(gone));
        }
    }

    @Test
    void graded_listingPodsOfTheNamespaceForbidden_isAnErrorNamingTheGraderRole() {
        String ns = LiveChecks.namespace();
        StudentCluster.healthy(ns, "spark", 1).seed(server, client);
        String denied = LiveChecks.forbid(server, "/api/v1/namespaces/" + ns + "/pods",
                "pods is forbidden: User \"system:serviceaccount:" + ns + ":grader\" cannot list resource \"pods\" in "
                        + "API group \"\" in the namespace \"" + ns + "\"");

        CheckResult result = LiveChecks.graded(grader.client(), "service-selects-master", "namespace", ns, "cluster", "spark");

        assertThat(result).usingRecursiveComparison().ignoringFields("millis").isEqualTo(LiveChecks.result(
                CheckStatus.ERROR, 0, LiveChecks.needsReadAccess("not allowed to grade ex.check: "
                        + denied), null));
    }
}
