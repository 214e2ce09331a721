package io.labctl.grading.live;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
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
 * {@code spark-old}; {@code spark} keeps running beside it. The record ({@link TeardownRecord}) is seeded with a
 * creation time of the test's choosing (the mock keeps it), to place it before or after the cluster's objects.
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

    /** The record {@code lab run} writes before its teardown step: these UIDs; the server sets its time (now). */
    private static String record(String ns, String... uids) {
        return client.resource(new ConfigMapBuilder().withNewMetadata().withName(TeardownRecord.CONFIG_MAP).withNamespace(ns)
                .endMetadata()
                .addToData("torn-down.spark-old", String.join(" ", uids)).build()).create().getMetadata().getCreationTimestamp();
    }

    /** The record of every object spark-old has now, as {@code lab run} writes it before the teardown. */
    private static void recordAsLabRunDoes(String ns) {
        record(ns, TeardownRecord.objectsOf(client, ns, "spark-old").stream().map(TeardownRecord.ClusterObject::uid)
                .toArray(String[]::new));
    }

    @Test
    void evaluate_nothingOfItLeft_butNoRecord_failsAsNeverDeployed_withTheCommandThatRecords() {
        // Given a namespace where spark-old never existed (nothing of it, and no record of it)
        String ns = namespaceWithTheOtherCluster();

        CheckOutcome outcome = evaluate(ns);

        // Then no points: the check cannot tell it from a cluster destroyed, and says how to leave evidence
        assertThat(outcome.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(outcome.observed()).isEqualTo("nothing of spark-old is in namespace " + ns + ", but no record "
                + "(configmap/labctl-lab-record key torn-down.spark-old) shows it was ever deployed: a cluster that "
                + "never existed earns no points for its teardown");
        assertThat(outcome.hint()).contains("labctl lab run ex4")
                .contains("kubectl create configmap labctl-lab-record -n " + ns + " --from-literal=torn-down.spark-old="
                        + "\"$(kubectl get deployment spark-old-master spark-old-worker -n " + ns);
    }

    @Test
    void evaluate_recordedAndNothingOfItLeft_passes_andTheOtherClusterDoesNotCount() {
        String ns = namespaceWithTheOtherCluster();
        String at = record(ns, "uid-a", "uid-b");

        CheckOutcome outcome = evaluate(ns);

        assertThat(outcome).isEqualTo(CheckOutcome.pass("the 2 recorded object(s) of spark-old are gone (record of "
                + at + "), nothing older is left in namespace " + ns));
    }

    @Test
    void evaluate_namespaceGone_failsAsUnproven() {
        CheckOutcome outcome = evaluate("lab-never-created");

        assertThat(outcome.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(outcome.observed()).isEqualTo("namespace lab-never-created does not exist, and with it no record that "
                + "spark-old was ever deployed there");
    }

    @Test
    void evaluate_aServiceLeft_failsNamingIt_withTheDeleteCommand_recordOrNot() {
        String ns = namespaceWithTheOtherCluster();
        Service left = client.resource(new ServiceBuilder().withNewMetadata().withName("spark-old-master-svc")
                .withNamespace(ns).endMetadata().withNewSpec().addToSelector("cluster", "spark-old").addNewPort()
                .withPort(7077).endPort().endSpec().build()).create();
        CheckOutcome expected = CheckOutcome.fail("still there: service/spark-old-master-svc", "delete what is left: "
                + "kubectl delete service/spark-old-master-svc -n " + ns + " (labctl spark teardown spark-old -n " + ns
                + " removes every part)");

        assertThat(evaluate(ns)).isEqualTo(expected);
        // Its UID recorded: still there all the same
        record(ns, left.getMetadata().getUid());
        assertThat(evaluate(ns)).isEqualTo(expected);
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
        recordAsLabRunDoes(ns);

        CheckOutcome outcome = evaluate(ns);

        assertThat(outcome.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(outcome.observed()).isEqualTo("still there: deployment/spark-old-master, deployment/spark-old-worker, "
                + "replicaset/spark-old-worker-5d8f7c9b4, pod/spark-old-master-5d8f7c9b4-m0, "
                + "pod/spark-old-worker-5d8f7c9b4-w0, configmap/pi-app, job/spark-old-job-pi");
    }

    @Test
    void evaluate_deployedAgainAfterTheRecord_passes_theNewObjectsAreNotLeftovers() {
        // Given spark-old recorded (its old UIDs), destroyed, then deployed again: new UIDs, created after the record
        String ns = namespaceWithTheOtherCluster();
        String at = record(ns, "uid-old-master", "uid-old-worker");
        StudentCluster.healthy(ns, "spark-old", 1, "10.244.3").seed(server, client);

        CheckOutcome outcome = evaluate(ns);

        assertThat(outcome).isEqualTo(CheckOutcome.pass("the 2 recorded object(s) of spark-old are gone (record of "
                + at + "), nothing older is left in namespace " + ns + "; deployed again since: "
                + "deployment/spark-old-master, deployment/spark-old-worker"));
    }

    @Test
    void evaluate_aPodOfARecordedDeploymentsReplicaSet_isLeftOver_evenIfCreatedAfterTheRecord() {
        String ns = namespaceWithTheOtherCluster();
        record(ns, "uid-spark-old-worker-5d8f7c9b4");
        client.resource(new PodBuilder().withNewMetadata().withName("spark-old-worker-5d8f7c9b4-w9").withNamespace(ns)
                .withCreationTimestamp("2026-11-22T10:15:00Z").addNewOwnerReference().withApiVersion("apps/v1")
                .withKind("ReplicaSet").withName("spark-old-worker-5d8f7c9b4").withUid("uid-spark-old-worker-5d8f7c9b4")
                .endOwnerReference().endMetadata().withNewSpec().addNewContainer().withName("worker").withImage("x")
                .endContainer().endSpec().build()).create();

        CheckOutcome outcome = evaluate(ns);

        assertThat(outcome.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(outcome.observed()).isEqualTo("still there: pod/spark-old-worker-5d8f7c9b4-w9");
    }

    @Test
    void evaluate_anotherClusterWhoseNameStartsTheSame_doesNotCount() {
        String ns = namespaceWithTheOtherCluster();
        StudentCluster.healthy(ns, "spark-older", 1, "10.244.3").seed(server, client);
        record(ns, "uid-a");

        CheckOutcome outcome = evaluate(ns);

        assertThat(outcome.status()).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void evaluate_aPodBeingDeleted_stillCounts_untilItIsGone() {
        String ns = namespaceWithTheOtherCluster();
        client.resource(new PodBuilder().withNewMetadata().withName("spark-old-master-5d8f7c9b4-m0").withNamespace(ns)
                .endMetadata().withNewSpec().addNewContainer().withName("master").withImage("labctl/spark-master:3.5.7")
                .endContainer().endSpec().build()).create();
        recordAsLabRunDoes(ns);
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
