package io.labctl.grading.live;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.labctl.grading.CheckResult;
import io.labctl.grading.checks.CheckStatus;
import io.labctl.grading.ServiceLinkVariables;
import io.labctl.grading.checks.CheckOutcome;
import io.labctl.kube.KubeSession;
import io.labctl.kube.MockApiTest;
import io.labctl.kube.MockKubeconfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.UnaryOperator;

import static io.labctl.grading.live.LiveChecks.params;
import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit, mock API server (fabric8's, CRUD mode, one per class; a namespace per test). */
@MockApiTest
@EnableKubernetesMockClient(crud = true, https = false)
class ServiceLinksCheckTest {
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
        return new ServiceLinksCheck(params(cluster)).evaluate(LiveChecks.context(grader.client()));
    }

    /** The pitfall: a Service named spark-master beside the cluster (here the student's second one, ClusterIP). */
    private static Service named(String name) {
        return new ServiceBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec().withType("ClusterIP")
                .withSelector(Map.of("app", "spark", "cluster", "spark", "role", "master"))
                .addNewPort().withName("rpc").withPort(7077).endPort().endSpec().build();
    }

    private static final UnaryOperator<Deployment> OPT_OUT = d -> new DeploymentBuilder(d).editSpec().editTemplate()
            .editSpec().withEnableServiceLinks(false).endSpec().endTemplate().endSpec().build();

    private static UnaryOperator<Deployment> settingItself(String variable, String value) {
        return d -> new DeploymentBuilder(d).editSpec().editTemplate().editSpec().editFirstContainer()
                .addNewEnv().withName(variable).withValue(value).endEnv().endContainer().endSpec().endTemplate().endSpec()
                .build();
    }

    @Test
    void evaluate_noServiceNamedLikeASparkVariable_passes() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2).seed(server, client);

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome).isEqualTo(CheckOutcome.pass("no Service of " + cluster.namespace() + " injects a variable Spark "
                + "reads (SPARK_MASTER_PORT, SPARK_MASTER_WEBUI_PORT, SPARK_WORKER_PORT, SPARK_WORKER_WEBUI_PORT) into "
                + "the pods of spark"));
    }

    @Test
    void evaluate_serviceNamedSparkMaster_withPodsKeepingServiceLinks_failsNamingBothDeployments_andTheFix() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2)
                .withService(named("spark-master")).seed(server, client);

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome).isEqualTo(CheckOutcome.fail("Service spark-master injects SPARK_MASTER_PORT into the pods of "
                        + "spark-master; Service spark-master injects SPARK_MASTER_PORT into the pods of spark-worker",
                ServiceLinkVariables.hint("spark-master", "SPARK_MASTER_PORT=tcp://IP:PORT")));
        assertThat(outcome.hint()).contains("enableServiceLinks: false");
    }

    @Test
    void evaluate_serviceNamedSparkMaster_podsOptingOut_passes() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2)
                .withService(named("spark-master")).master(OPT_OUT).worker(OPT_OUT).seed(server, client);

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome.status()).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void evaluate_onlyTheWorkersOptOut_failsForTheMaster() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2)
                .withService(named("spark-master")).worker(OPT_OUT).seed(server, client);

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(outcome.observed()).isEqualTo("Service spark-master injects SPARK_MASTER_PORT into the pods of spark-master");
    }

    @Test
    void evaluate_podsSettingTheVariableThemselves_passes_becauseExplicitEnvWins() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2)
                .withService(named("spark-master"))
                .master(settingItself("SPARK_MASTER_PORT", "7077")).worker(settingItself("SPARK_MASTER_PORT", "7077"))
                .seed(server, client);

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome.status()).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void evaluate_serviceNamedSparkWorker_breaksTheWorkersPort() {
        StudentCluster cluster = StudentCluster.healthy(LiveChecks.namespace(), "spark", 2)
                .withService(named("spark-worker")).master(OPT_OUT).seed(server, client);

        CheckOutcome outcome = evaluate(cluster);

        assertThat(outcome).isEqualTo(CheckOutcome.fail("Service spark-worker injects SPARK_WORKER_PORT into the pods of "
                + "spark-worker", ServiceLinkVariables.hint("spark-worker", "SPARK_WORKER_PORT=tcp://IP:PORT")));
    }

    @Test
    void graded_clusterStopsAnswering_isNotGradable() {
        try (KubernetesClient gone = LiveChecks.unreachableClient()) {
            CheckResult result = LiveChecks.graded(gone, "service-links", "namespace", "lab", "cluster", "spark");

            assertThat(result).usingRecursiveComparison().ignoringFields("millis").isEqualTo(LiveChecks.notGradable(gone));
        }
    }

    @Test
    void graded_readingDeploymentsForbidden_isAnErrorNamingTheGraderRole() {
        String ns = LiveChecks.namespace();
        StudentCluster.healthy(ns, "spark", 2).withService(named("spark-master")).seed(server, client);
        String denied = LiveChecks.forbid(server, "/apis/apps/v1/namespaces/" + ns + "/deployments/spark-master",
                "deployments.apps \"spark-master\" is forbidden: User \"system:serviceaccount:" + ns + ":grader\" cannot "
                        + "get resource \"deployments\" in API group \"apps\" in the namespace \"" + ns + "\"");

        CheckResult result = LiveChecks.graded(grader.client(), "service-links", "namespace", ns, "cluster", "spark");

        assertThat(result).usingRecursiveComparison().ignoringFields("millis").isEqualTo(LiveChecks.result(
                CheckStatus.ERROR, 0, LiveChecks.needsReadAccess("not allowed to grade ex.check: " + denied), null));
    }
}
