package io.labctl.grading.live;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
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

import static io.labctl.grading.live.LiveChecks.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier: unit, mock API server (fabric8's, CRUD mode, one per class; a namespace per test). The cluster torn down is
 * {@code spark-old}; {@code spark} keeps running beside it, as in the lab's exercise 4.
 */
@MockApiTest
@EnableKubernetesMockClient(crud = true, https = false)
class TornDownCheckTest {
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

    private static CheckOutcome evaluate(String ns) {
        return new TornDownCheck(params("namespace", ns, "cluster", "spark-old")).evaluate(LiveChecks.context(grader.client()));
    }

    /** The lab's namespace with the running {@code spark} cluster in it. */
    private static String namespaceWithTheOtherCluster() {
        String ns = LiveChecks.namespace();
        StudentCluster.healthy(ns, "spark", 2).seed(server, client);
        return ns;
    }

    private static String passed(String ns) {
        return "nothing named spark-old-* or labelled app.kubernetes.io/instance=spark-old in namespace " + ns;
    }

    @Test
    void evaluate_nothingOfItLeft_passes_andTheOtherClusterDoesNotCount() {
        String ns = namespaceWithTheOtherCluster();

        CheckOutcome outcome = evaluate(ns);

        assertThat(outcome).isEqualTo(CheckOutcome.pass(passed(ns)));
    }

    @Test
    void evaluate_namespaceGone_passes() {
        CheckOutcome outcome = evaluate("lab-never-created");

        assertThat(outcome).isEqualTo(CheckOutcome.pass("namespace lab-never-created no longer exists"));
    }

    @Test
    void evaluate_aServiceLeft_failsNamingIt_withTheDeleteCommand() {
        String ns = namespaceWithTheOtherCluster();
        client.resource(new ServiceBuilder().withNewMetadata().withName("spark-old-master-svc").withNamespace(ns)
                .endMetadata().withNewSpec().addToSelector("cluster", "spark-old").addNewPort().withPort(7077).endPort()
                .endSpec().build()).create();

        CheckOutcome outcome = evaluate(ns);

        assertThat(outcome).isEqualTo(CheckOutcome.fail("still there: service/spark-old-master-svc", "delete what is left: "
                + "kubectl delete service/spark-old-master-svc -n " + ns + " (labctl spark teardown spark-old -n " + ns
                + " removes every part)"));
    }

    @Test
    void evaluate_everyKindLeft_isListed_byNameOrByInstanceLabel() {
        String ns = namespaceWithTheOtherCluster();
        StudentCluster.healthy(ns, "spark-old", 1, "10.244.3").withoutService().seed(server, client);
        client.resource(new ReplicaSetBuilder().withNewMetadata().withName("spark-old-worker-5d8f7c9b4").withNamespace(ns)
                .endMetadata().withNewSpec().withReplicas(1).endSpec().build()).create();
        client.resource(new ConfigMapBuilder().withNewMetadata().withName("pi-app").withNamespace(ns)
                .addToLabels("app.kubernetes.io/instance", "spark-old").endMetadata().build()).create();
        client.resource(new JobBuilder().withNewMetadata().withName("spark-old-job-pi").withNamespace(ns).endMetadata()
                .withNewSpec().withNewTemplate().withNewSpec().addNewContainer().withName("pi").withImage("x").endContainer()
                .endSpec().endTemplate().endSpec().build()).create();

        CheckOutcome outcome = evaluate(ns);

        assertThat(outcome.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(outcome.observed()).isEqualTo("still there: deployment/spark-old-master, deployment/spark-old-worker, "
                + "replicaset/spark-old-worker-5d8f7c9b4, pod/spark-old-master-5d8f7c9b4-m0, "
                + "pod/spark-old-worker-5d8f7c9b4-w0, configmap/pi-app, job/spark-old-job-pi");
    }

    @Test
    void evaluate_anotherClusterWhoseNameStartsTheSame_doesNotCount() {
        String ns = namespaceWithTheOtherCluster();
        StudentCluster.healthy(ns, "spark-older", 1, "10.244.3").seed(server, client);

        CheckOutcome outcome = evaluate(ns);

        assertThat(outcome).isEqualTo(CheckOutcome.pass(passed(ns)));
    }

    @Test
    void evaluate_aPodBeingDeleted_stillCounts_untilItIsGone() {
        String ns = namespaceWithTheOtherCluster();
        client.resource(new PodBuilder().withNewMetadata().withName("spark-old-master-5d8f7c9b4-m0").withNamespace(ns)
                .endMetadata().withNewSpec().addNewContainer().withName("master").withImage("labctl/spark-master:3.5.7")
                .endContainer().endSpec().build()).create();
        StudentCluster.terminate(client, ns, "spark-old-master-5d8f7c9b4-m0");

        CheckOutcome outcome = evaluate(ns);

        assertThat(outcome.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(outcome.observed()).isEqualTo("still there: pod/spark-old-master-5d8f7c9b4-m0");
    }

    @Test
    void graded_clusterStopsAnswering_isNotGradable() {
        try (KubernetesClient gone = LiveChecks.unreachableClient()) {
            CheckResult result = LiveChecks.graded(gone, "torn-down", "namespace", "lab", "cluster", "spark-old");

            assertThat(result).usingRecursiveComparison().ignoringFields("millis").isEqualTo(LiveChecks.notGradable(gone));
        }
    }

    @Test
    void graded_readingTheNamespaceForbidden_isAnErrorNamingTheGraderRole() {
        String ns = LiveChecks.namespace();
        client.resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
        String denied = LiveChecks.forbid(server, "/api/v1/namespaces/" + ns, "namespaces \"" + ns + "\" is forbidden: "
                + "User \"system:serviceaccount:" + ns + ":grader\" cannot get resource \"namespaces\" in API group \"\" in "
                + "the namespace \"" + ns + "\"");

        CheckResult result = LiveChecks.graded(grader.client(), "torn-down", "namespace", ns, "cluster", "spark-old");

        assertThat(result).usingRecursiveComparison().ignoringFields("millis").isEqualTo(LiveChecks.result(
                CheckStatus.ERROR, 0, LiveChecks.needsReadAccess("not allowed to grade ex.check: " + denied), null));
    }
}
