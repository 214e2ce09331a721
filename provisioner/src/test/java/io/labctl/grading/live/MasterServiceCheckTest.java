package io.labctl.grading.live;

import io.fabric8.kubernetes.api.model.Service;
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

import java.util.Map;

import static io.labctl.grading.live.LiveChecks.params;
import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit, mock API server (fabric8's, CRUD mode, one per class; a namespace per test). */
@MockApiTest
@EnableKubernetesMockClient(crud = true, https = false)
class MasterServiceCheckTest {
    static KubernetesMockServer server;
    static KubernetesClient client; // seeds the cluster, as its student would
    static KubeSession grader;      // reads it, as labctl's grading does

    private static final String NOT_EXTERNAL = "the Service is ClusterIP, reachable only inside the cluster; make it "
            + "type: NodePort (or LoadBalancer) so 7077 is reachable from outside (minikube service list shows the URL)";
    private static final String NO_PORT = "the Service has no port 7077: workers and drivers reach the master on "
            + "spark://SERVICE:7077";

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
        return new MasterServiceCheck(params(cluster)).evaluate(LiveChecks.context(grader.client()));
    }

    private static Service clusterIp(Service s) {
        Service c = new ServiceBuilder(s).editSpec().withType("ClusterIP").endSpec().build();
        c.getSpec().getPorts().forEach(p -> p.setNodePort(null));
        return c;
    }

    private static Service only8080(Service s) {
        return new ServiceBuilder(s).editSpec().withPorts(s.getSpec().getPorts().stream().filter(p -> p.getPort() == 8080)
                .toList()).endSpec().build();
    }

    @Test
    void evaluate_nodePortServiceWith7077_passes() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2).seed(server, client);

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome).isEqualTo(CheckOutcome.pass("Service " + cluster.namespace() + "/spark-master-svc type NodePort, "
                + "ports [7077->node:30077, 8080->node:30080]"));
    }

    @Test
    void evaluate_clusterIpService_earnsThePortHalf_withTheNodePortHint() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2)
                .service(MasterServiceCheckTest::clusterIp).seed(server, client);

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome).isEqualTo(new CheckOutcome(CheckStatus.PARTIAL, 0.5, "Service " + cluster.namespace()
                + "/spark-master-svc type ClusterIP, ports [7077, 8080]", NOT_EXTERNAL));
    }

    @Test
    void evaluate_typeLeftOut_isClusterIp() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2)
                .service(s -> new ServiceBuilder(clusterIp(s)).editSpec().withType(null).endSpec().build())
                .seed(server, client);

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome).isEqualTo(new CheckOutcome(CheckStatus.PARTIAL, 0.5, "Service " + cluster.namespace()
                + "/spark-master-svc type ClusterIP, ports [7077, 8080]", NOT_EXTERNAL));
    }

    @Test
    void evaluate_serviceWithout7077_earnsTheExternalHalf_withThePortHint() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2)
                .service(MasterServiceCheckTest::only8080).seed(server, client);

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome).isEqualTo(new CheckOutcome(CheckStatus.PARTIAL, 0.5, "Service " + cluster.namespace()
                + "/spark-master-svc type NodePort, ports [8080->node:30080]", NO_PORT));
    }

    @Test
    void evaluate_clusterIpWithout7077_failsWithThePortHintFirst() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2)
                .service(s -> only8080(clusterIp(s))).seed(server, client);

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome).isEqualTo(CheckOutcome.fail("Service " + cluster.namespace() + "/spark-master-svc type "
                + "ClusterIP, ports [8080]", NO_PORT));
    }

    @Test
    void evaluate_aClusterIpAndANodePortServiceOfTheMaster_judgesTheOneDoingMostOfTheJob() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2)
                .service(MasterServiceCheckTest::clusterIp);
        cluster.withService(new ServiceBuilder().withNewMetadata().withName("ui").endMetadata().withNewSpec()
                        .withType("NodePort").withSelector(Map.of("app", "spark", "cluster", "spark", "role", "master"))
                        .addNewPort().withName("rpc").withPort(7077).withNodePort(31077).endPort().endSpec().build())
                .seed(server, client);

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome).isEqualTo(CheckOutcome.pass("Service " + cluster.namespace() + "/ui type NodePort, ports "
                + "[7077->node:31077]"));
    }

    @Test
    void evaluate_danglingSelector_stillJudgesTheServiceByName_theSelectorIsAnotherChecksPoint() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2)
                .service(s -> new ServiceBuilder(s).editSpec().addToSelector("role", "mastr").endSpec().build())
                .seed(server, client);

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(outcome.observed()).startsWith("Service " + cluster.namespace() + "/spark-master-svc type NodePort");
    }

    @Test
    void evaluate_headlessServiceWithoutPortsSelectingTheMaster_failsForTheStudent_notAGraderFault() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2).withoutService();
        cluster.withService(new ServiceBuilder().withNewMetadata().withName("spark-master-dns").endMetadata().withNewSpec()
                        .withClusterIP("None").withSelector(Map.of("app", "spark", "cluster", "spark", "role", "master"))
                        .endSpec().build())
                .seed(server, client);

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome).isEqualTo(CheckOutcome.fail("Service " + cluster.namespace() + "/spark-master-dns type "
                + "ClusterIP, ports []", NO_PORT));
    }

    @Test
    void evaluate_noService_failsListingTheServicesThereAre() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2).withoutService()
                .seed(server, client);

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome).isEqualTo(CheckOutcome.fail("no Service in " + cluster.namespace() + " selects the master pod "
                + "or is named spark-master*; Services: none", "create a Service for the master exposing port 7077 "
                + "(type NodePort for access from outside)"));
    }

    @Test
    void graded_clusterStopsAnswering_isNotGradable() {
        try (KubernetesClient gone = LiveChecks.unreachableClient()) {
            CheckResult result = LiveChecks.graded(gone, "master-service", "namespace", "lab", "cluster", "spark");

            assertThat(result).usingRecursiveComparison().ignoringFields("millis").isEqualTo(LiveChecks.notGradable(gone));
        }
    }

    @Test
    void graded_listingServicesForbidden_isAnErrorNamingTheGraderRole() {
        String ns = LiveChecks.namespace();
        StudentCluster.healthy(ns, "spark", 2).seed(server, client);
        String denied = LiveChecks.forbid(server, "/api/v1/namespaces/" + ns + "/services",
                "services is forbidden: User \"system:serviceaccount:" + ns + ":grader\" cannot list resource "
                        + "\"services\" in API group \"\" in the namespace \"" + ns + "\"");

        CheckResult result = LiveChecks.graded(grader.client(), "master-service", "namespace", ns, "cluster", "spark");

        assertThat(result).usingRecursiveComparison().ignoringFields("millis").isEqualTo(LiveChecks.result(
                CheckStatus.ERROR, 0, LiveChecks.needsReadAccess("not allowed to grade ex.check: " + denied), null));
    }
}
