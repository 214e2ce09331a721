package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.labctl.kube.AccessCheck.Permission;
import io.labctl.kube.AccessReviews;
import io.labctl.kube.KubeSession;
import io.labctl.kube.MockApiTest;
import io.labctl.kube.MockKubeconfig;
import io.labctl.kube.Namespaces;
import io.labctl.kube.TestPods;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tier: unit, mock API server (fabric8's, CRUD mode, one per class; a namespace per test; access reviews answered by
 * {@link AccessReviews}). Clusters are seeded as deploy leaves them: exactly {@code StandaloneManifests}' objects.
 * The mock has no garbage collector; where a Deployment's pods matter, the test plays it.
 */
@MockApiTest
@EnableKubernetesMockClient(crud = true, https = false)
class StandaloneTeardownTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger NAMESPACES = new AtomicInteger();

    static KubernetesMockServer server;
    static KubernetesClient admin;   // seeds the clusters and reads back what is left
    static KubeSession labctl;       // what labctl tears down with
    static AccessReviews reviews;

    private String ns;

    @BeforeAll
    static void connect() {
        reviews = AccessReviews.answering(server);
        labctl = MockKubeconfig.connect(server);
    }

    /** Clients first, so no request or watch of ours is still open when the extension stops the server. */
    @AfterAll
    static void closeClientsFirst() {
        labctl.close();
        admin.close();
    }

    @BeforeEach
    void aNamespaceOfItsOwn() throws InterruptedException {
        ns = "teardown-" + NAMESPACES.incrementAndGet();
        requestsSinceLastCall(); // forget the requests of earlier tests
    }

    /** Every request since the last call, as "METHOD path" (tests of this class run one at a time). */
    private static List<String> requestsSinceLastCall() throws InterruptedException {
        List<String> requests = new ArrayList<>();
        for (RecordedRequest r = server.takeRequest(10, TimeUnit.MILLISECONDS); r != null;
             r = server.takeRequest(10, TimeUnit.MILLISECONDS)) {
            requests.add(r.getMethod() + " " + r.getPath());
        }
        return requests;
    }

    private TeardownResult teardown(String cluster, Duration timeout) {
        return new StandaloneTeardown(labctl.client(), Progress.SILENT).teardown(ns, cluster, timeout);
    }

    private void namespace(boolean createdByLabctl) {
        admin.resource(createdByLabctl ? Namespaces.createdByLabctl(ns)
                : new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
    }

    /** A cluster as deploy leaves it: the rendered objects, nothing else. */
    private void deployed(String cluster) {
        for (HasMetadata object : new StandaloneManifests().render(SparkClusterSpec.defaults(cluster, ns)).inApplyOrder()) {
            admin.resource(object).create();
        }
    }

    private List<String> left() {
        List<String> left = new ArrayList<>();
        for (Class<? extends HasMetadata> kind : StandaloneManifests.possibleKinds()) {
            admin.resources(kind).inNamespace(ns).list().getItems()
                    .forEach(o -> left.add(o.getKind().toLowerCase() + "/" + o.getMetadata().getName()));
        }
        return left;
    }

    @Test
    void teardown_removesExactlyOneCluster_mostDependentFirst_andTheOtherClusterStays() {
        namespace(false);
        deployed("spark-a");
        deployed("spark-b");

        TeardownResult result = teardown("spark-a", TIMEOUT);

        assertThat(result.deleted()).containsExactlyInAnyOrder("deployment/spark-a-master", "deployment/spark-a-worker",
                "service/spark-a-master-svc").endsWith("service/spark-a-master-svc");
        assertThat(result).usingRecursiveComparison().ignoringFields("deleted").isEqualTo(new TeardownResult("spark-a", ns,
                List.of(), List.of(), false, "labctl did not create it", KubectlEquivalents.teardown(ns, "spark-a")));
        assertThat(left()).containsExactlyInAnyOrder("deployment/spark-b-master", "deployment/spark-b-worker",
                "service/spark-b-master-svc");
        assertThat(admin.namespaces().withName(ns).get()).isNotNull();
    }

    @Test
    void teardown_twice_theSecondFindsNothingAndIsFine() {
        namespace(false);
        deployed("spark-a");
        teardown("spark-a", TIMEOUT);

        TeardownResult again = teardown("spark-a", TIMEOUT);

        assertThat(again).isEqualTo(new TeardownResult("spark-a", ns, List.of(), List.of(), false, "nothing was removed",
                KubectlEquivalents.teardown(ns, "spark-a")));
    }

    @Test
    void teardown_ofANamespaceLabctlCreated_andNowEmpty_removesTheNamespaceToo() {
        namespace(true);
        deployed("spark-a");

        TeardownResult result = teardown("spark-a", TIMEOUT);

        assertThat(result.namespaceDeleted()).isTrue();
        assertThat(result.namespaceKeptBecause()).isNull();
        assertThat(admin.namespaces().withName(ns).get()).isNull();
    }

    @Test
    void teardown_ofANamespaceLabctlCreated_whereAnotherClusterLives_keepsIt_sayingWhy() {
        namespace(true);
        deployed("spark-a");
        deployed("spark-b");

        TeardownResult result = teardown("spark-a", TIMEOUT);

        assertThat(result.namespaceDeleted()).isFalse();
        assertThat(result.namespaceKeptBecause()).isEqualTo("other workloads or data still live in it");
        assertThat(admin.namespaces().withName(ns).get()).isNotNull();
        assertThat(left()).containsExactlyInAnyOrder("deployment/spark-b-master", "deployment/spark-b-worker",
                "service/spark-b-master-svc");
    }

    @Test
    void teardown_ofANamespaceLabctlCreated_holdingOnlyTheCluster_deletesTheNamespaceInOneRequest() throws Exception {
        namespace(true);
        deployed("spark-a");
        requestsSinceLastCall();

        TeardownResult result = teardown("spark-a", TIMEOUT);

        assertThat(result).isEqualTo(new TeardownResult("spark-a", ns, List.of("deployment/spark-a-worker",
                "deployment/spark-a-master", "service/spark-a-master-svc"), List.of(), true, null,
                List.of("kubectl delete namespace " + ns + " --wait")));
        List<String> requests = requestsSinceLastCall();
        assertThat(requests.stream().filter(r -> !r.startsWith("GET ")))
                .as("the namespace's deletion is the only write, and needs no permission check: refused, it changes nothing")
                .containsExactly("DELETE /api/v1/namespaces/" + ns);
        assertThat(requests.stream().filter(r -> r.startsWith("GET /api/v1/namespaces/" + ns + "/persistentvolumeclaims")))
                .as("one list per kind, shared by finding the cluster and looking for anything else").hasSize(1);
    }

    @Test
    void teardown_ofANamespaceLabctlCreated_whereASecretCarriesTheClustersLabels_keepsItAndTheNamespace() {
        namespace(true);
        deployed("spark-a");
        admin.resource(new SecretBuilder().withNewMetadata().withName("spark-a-token").withNamespace(ns)
                .withLabels(SparkLabels.cluster("spark-a")).endMetadata().addToStringData("k", "v").build()).create();

        TeardownResult result = teardown("spark-a", TIMEOUT);

        assertThat(result.namespaceKeptBecause()).isEqualTo("other workloads or data still live in it");
        assertThat(admin.secrets().inNamespace(ns).withName("spark-a-token").get()).isNotNull();
    }

    @Test
    void teardown_ofANamespaceLabctlCreated_keepingData_keepsTheClaimAndTheNamespace_andRemovesTheRest() {
        namespace(true);
        deployed("spark-a");
        admin.resource(VolumesStep.claim(SparkClusterSpec.builder("spark-a", ns).build(),
                VolumeSpec.parse("data=pvc:1Gi"))).create();

        TeardownResult result = new StandaloneTeardown(labctl.client(), Progress.SILENT).teardown(ns, "spark-a", TIMEOUT, true);

        assertThat(result.kept()).containsExactly("persistentvolumeclaim/spark-a-data");
        assertThat(result.namespaceDeleted()).isFalse();
        assertThat(result.namespaceKeptBecause()).isEqualTo("other workloads or data still live in it");
        assertThat(left()).containsExactly("persistentvolumeclaim/spark-a-data");
    }

    @Test
    void teardown_byAnIdentityThatMayNotDeleteTheNamespaceLabctlCreated_removesTheObjectsOneByOne_andKeepsIt() {
        namespace(true);
        deployed("spark-a");
        server.expect().delete().withPath("/api/v1/namespaces/" + ns).andReturn(403, new StatusBuilder()
                .withStatus("Failure").withCode(403).withReason("Forbidden").withMessage("namespaces \"" + ns
                        + "\" is forbidden: User \"student\" cannot delete resource \"namespaces\"").build()).always();

        TeardownResult result = teardown("spark-a", TIMEOUT);

        assertThat(result.deleted()).hasSize(3);
        assertThat(result.namespaceDeleted()).isFalse();
        assertThat(result.namespaceKeptBecause()).isEqualTo("this identity may not delete it");
        assertThat(left()).isEmpty();
        assertThat(admin.namespaces().withName(ns).get()).isNotNull();
    }

    @Test
    void teardown_ofANamespaceLabctlCreated_whereSomeonesPodRuns_keepsIt() {
        namespace(true);
        deployed("spark-a");
        admin.resource(new PodBuilder(TestPods.ready("notebook", "none")).editMetadata().withNamespace(ns)
                .withLabels(Map.of("app", "jupyter")).endMetadata().build()).create();

        TeardownResult result = teardown("spark-a", TIMEOUT);

        assertThat(result.namespaceKeptBecause()).isEqualTo("other workloads or data still live in it");
        assertThat(left()).containsExactly("pod/notebook");
    }

    @Test
    void teardown_ofANamespaceLabctlCreated_whereSomeonesVolumeClaimOrConfigLives_keepsIt() {
        namespace(true);
        deployed("spark-a");
        admin.resource(new PersistentVolumeClaimBuilder().withNewMetadata().withName("notebooks").withNamespace(ns)
                .endMetadata().withNewSpec().withAccessModes("ReadWriteOnce").withNewResources()
                .addToRequests("storage", new Quantity("1Gi")).endResources().endSpec()
                .build()).create();

        TeardownResult result = teardown("spark-a", TIMEOUT);

        assertThat(result.namespaceDeleted()).as("deleting the namespace would delete the student's data").isFalse();
        assertThat(result.namespaceKeptBecause()).isEqualTo("other workloads or data still live in it");
    }

    @Test
    void teardown_ofANamespaceLabctlCreated_whereOnlyWhatKubernetesPutsInEveryNamespaceIsLeft_removesIt() {
        namespace(true);
        deployed("spark-a");
        admin.resource(new ConfigMapBuilder().withNewMetadata().withName("kube-root-ca.crt").withNamespace(ns).endMetadata()
                .addToData("ca.crt", "-----BEGIN CERTIFICATE-----").build()).create();
        admin.resource(new ServiceAccountBuilder().withNewMetadata().withName("default")
                .withNamespace(ns).endMetadata().build()).create();

        TeardownResult result = teardown("spark-a", TIMEOUT);

        assertThat(result.namespaceDeleted()).isTrue();
    }

    @Test
    void teardown_byAnIdentityThatMayNotReadItsNamespace_removesTheCluster_andKeepsTheNamespace_sayingWhy() {
        namespace(true);
        deployed("spark-a");
        server.expect().get().withPath("/api/v1/namespaces/" + ns).andReturn(403, new StatusBuilder().withStatus("Failure").withCode(403).withReason("Forbidden").withMessage("namespaces \""
                        + ns + "\" is forbidden: User \"student\" cannot get resource \"namespaces\" in API group \"\" in "
                        + "the namespace \"" + ns + "\"").build()).always();

        TeardownResult result = teardown("spark-a", TIMEOUT);

        assertThat(result.deleted()).hasSize(3);
        assertThat(result.namespaceDeleted()).isFalse();
        assertThat(result.namespaceKeptBecause()).isEqualTo("this identity may not read the namespace, so labctl cannot "
                + "tell whether it created it");
        assertThat(left()).isEmpty();
    }

    @Test
    void teardown_byAnIdentityThatMayNotListVolumeClaims_keepsTheNamespaceLabctlCreated_sayingWhy() {
        namespace(true);
        deployed("spark-a");
        server.expect().get().withPath("/api/v1/namespaces/" + ns + "/persistentvolumeclaims").andReturn(403,
                new StatusBuilder().withStatus("Failure").withCode(403).withReason("Forbidden").withMessage(
                        "persistentvolumeclaims is forbidden: User \"student\" cannot list resource "
                                + "\"persistentvolumeclaims\" in API group \"\" in the namespace \"" + ns + "\"").build())
                .always();

        TeardownResult result = teardown("spark-a", TIMEOUT);

        assertThat(result.deleted()).hasSize(3);
        assertThat(result.namespaceDeleted()).isFalse();
        assertThat(result.namespaceKeptBecause()).isEqualTo("this identity may not list persistentvolumeclaims in it, so "
                + "labctl cannot tell whether anything else lives there");
    }

    @Test
    void teardown_removesJobPodsAndTheirConfigMaps_andLeavesTheDeploymentsPodsToTheirControllers() {
        namespace(false);
        deployed("spark-a");
        Pod master = clusterPod("spark-a-master-7f9c6d5b8-abcde", SparkLabels.MASTER, "spark-a-master-7f9c6d5b8");
        Pod worker = clusterPod("spark-a-worker-6b8d7c9f4-fghij", SparkLabels.WORKER, "spark-a-worker-6b8d7c9f4");
        Pod job = clusterPod("labctl-spark-a-pi-x7k2p", SparkLabels.JOB, null);
        List.of(master, worker, job).forEach(p -> admin.resource(p).create());
        admin.resource(new ConfigMapBuilder().withNewMetadata().withName("labctl-spark-a-pi-app").withNamespace(ns)
                .withLabels(SparkLabels.component("spark-a", SparkLabels.JOB)).endMetadata()
                .addToData("app.py", "print(1)").build()).create();

        TeardownResult result = new StandaloneTeardown(labctl.client(), garbageCollector()).teardown(ns, "spark-a", TIMEOUT);

        assertThat(result.deleted()).containsExactlyInAnyOrder("pod/labctl-spark-a-pi-x7k2p",
                "configmap/labctl-spark-a-pi-app", "deployment/spark-a-master", "deployment/spark-a-worker",
                "service/spark-a-master-svc");
        assertThat(result.deleted()).as("the Deployments' own pods are their controllers' to remove")
                .doesNotContain("pod/" + master.getMetadata().getName(), "pod/" + worker.getMetadata().getName());
        assertThat(left()).isEmpty();
    }

    @Test
    void teardown_podsTheirControllerNeverRemoves_timesOutNamingThem() {
        // One object before the pods, so that the deadline, which covers every wait, is the pods' to miss.
        namespace(false);
        admin.resource(new StandaloneManifests().render(SparkClusterSpec.defaults("spark-a", ns)).masterService()).create();
        admin.resource(clusterPod("spark-a-worker-6b8d7c9f4-fghij", SparkLabels.WORKER, "spark-a-worker-6b8d7c9f4")).create();

        assertThatThrownBy(() -> teardown("spark-a", Duration.ofSeconds(2)))
                .isInstanceOfSatisfying(LabctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.TIMEOUT);
                    assertThat(e.getMessage()).isEqualTo("deleted, but pods -l app.kubernetes.io/name=spark,"
                            + "app.kubernetes.io/instance=spark-a,app.kubernetes.io/managed-by=labctl -n " + ns
                            + " did not disappear in time");
                    assertThat(e.hint()).isEqualTo("a finalizer or a stuck node may hold it; check `kubectl get pods -l "
                            + "app.kubernetes.io/name=spark,app.kubernetes.io/instance=spark-a,"
                            + "app.kubernetes.io/managed-by=labctl -n " + ns + " -o yaml`, then run teardown again");
                });
    }

    @Test
    void teardown_aDeploymentAFinalizerHolds_timesOutNamingIt() {
        // The cluster's only object, so that the deadline, which covers every wait, is its to miss.
        namespace(false);
        admin.resource(new DeploymentBuilder(new StandaloneManifests()
                .render(SparkClusterSpec.defaults("spark-a", ns)).master()).editMetadata()
                .addToFinalizers("example.com/backup").endMetadata().build()).create();

        assertThatThrownBy(() -> teardown("spark-a", Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(LabctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.TIMEOUT);
                    assertThat(e.getMessage()).isEqualTo("deleted, but deployment/spark-a-master -n " + ns
                            + " did not disappear in time");
                });
    }

    @Test
    void teardown_aKindNoStepDeclares_isNotLabctlsToRemove_evenWithTheClustersLabels() {
        namespace(false);
        deployed("spark-a");
        // labctl never makes Secrets for a cluster: one with its labels is someone else's (a student's copy, say)
        admin.resource(new SecretBuilder().withNewMetadata().withName("spark-a-token").withNamespace(ns)
                .withLabels(SparkLabels.cluster("spark-a")).endMetadata().addToStringData("k", "v").build()).create();

        TeardownResult result = teardown("spark-a", TIMEOUT);

        assertThat(result.deleted()).doesNotContain("secret/spark-a-token");
        assertThat(admin.secrets().inNamespace(ns).withName("spark-a-token").get()).isNotNull();
    }

    @Test
    void teardown_aClaimTheVolumesStepMade_isRemoved_unlessKeepData() {
        namespace(false);
        deployed("spark-a");
        admin.resource(VolumesStep.claim(SparkClusterSpec.builder("spark-a", ns).build(),
                VolumeSpec.parse("data=pvc:1Gi"))).create();

        TeardownResult kept = new StandaloneTeardown(labctl.client(), Progress.SILENT).teardown(ns, "spark-a", TIMEOUT, true);
        TeardownResult removed = teardown("spark-a", TIMEOUT);

        assertThat(kept.kept()).containsExactly("persistentvolumeclaim/spark-a-data");
        assertThat(kept.deleted()).doesNotContain("persistentvolumeclaim/spark-a-data");
        assertThat(removed.deleted()).containsExactly("persistentvolumeclaim/spark-a-data");
    }

    @Test
    void teardown_withoutPermissionToDeleteServices_refusesBeforeDeletingAnything() {
        namespace(false);
        deployed("spark-a");
        reviews.deny(Permission.on("delete", Service.class, ns));

        assertThatThrownBy(() -> teardown("spark-a", TIMEOUT))
                .isInstanceOfSatisfying(LabctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.FORBIDDEN);
                    assertThat(e.getMessage()).isEqualTo("not allowed to delete services in namespace " + ns
                            + ", which tearing down a Spark cluster needs; nothing was changed");
                });
        assertThat(left()).containsExactlyInAnyOrder("deployment/spark-a-master", "deployment/spark-a-worker",
                "service/spark-a-master-svc");
    }

    @Test
    void teardown_invalidName_isAUsageError_beforeAnyRequest() {
        assertThatThrownBy(() -> teardown("Spark_A", TIMEOUT))
                .isInstanceOfSatisfying(LabctlException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
    }

    /** A pod of the cluster; with an owner (a ReplicaSet of a Deployment) unless {@code replicaSet} is null. */
    private Pod clusterPod(String name, String component, String replicaSet) {
        PodBuilder pod = new PodBuilder(TestPods.ready(name, component)).editMetadata().withNamespace(ns)
                .withLabels(SparkLabels.component("spark-a", component)).endMetadata();
        if (replicaSet != null) {
            pod.editMetadata().addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet").withName(replicaSet)
                    .withUid("uid-" + replicaSet).withController(true).endOwnerReference().endMetadata();
        }
        return pod.build();
    }

    /**
     * Kubernetes' garbage collector, played by the test: once teardown has deleted the Deployments and starts waiting,
     * their pods go (a watch could miss the deletion: fabric8's 7.7.0 mock drops events sent while a watch opens).
     */
    private Progress garbageCollector() {
        return new Progress() {
            @Override
            public void step(String message) {
                if (message.startsWith("Waiting until they and their pods are gone")) {
                    admin.pods().inNamespace(ns).list().getItems().stream()
                            .filter(p -> p.getMetadata().getOwnerReferences() != null
                                    && !p.getMetadata().getOwnerReferences().isEmpty())
                            .forEach(p -> admin.resource(p).delete());
                }
            }

            @Override
            public void update(String status) {
            }

            @Override
            public void note(String message) {
            }
        };
    }
}
