package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.labctl.kube.AccessCheck.Permission;
import io.labctl.kube.AccessReviews;
import io.labctl.kube.KubeSession;
import io.labctl.kube.Labels;
import io.labctl.kube.MockApiTest;
import io.labctl.kube.MockKubeconfig;
import io.labctl.kube.ServerSideApplyMock;
import io.labctl.kube.TestNodes;
import io.labctl.kube.TestPods;
import io.labctl.testbed.JsonSubset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static io.labctl.kube.AccessReviews.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tier: unit, mock API server: fabric8's in CRUD mode with server-side apply emulated ({@link ServerSideApplyMock}:
 * create or merge, no new resourceVersion when nothing changes; field ownership is the test bed's to prove), access
 * reviews answered by {@link AccessReviews}. One server for the class, a namespace per test; labctl's client comes
 * from a kubeconfig through KubeConnector, as in {@code labctl spark deploy}.
 */
@MockApiTest
class StandaloneDeployerTest {
    private static final DeployOptions NO_WAIT = new DeployOptions(WaitMode.none, Duration.ofSeconds(30), true);
    private static final AtomicInteger NAMESPACES = new AtomicInteger();

    static KubernetesMockServer server;
    static KubernetesClient admin;   // reads back what labctl did, and plays the cluster's controllers
    static KubeSession labctl;       // what labctl deploys with
    static AccessReviews reviews;

    private String ns;

    @BeforeAll
    static void startTheServer() {
        server = ServerSideApplyMock.start();
        admin = server.createClient();
        reviews = AccessReviews.answering(server);
        labctl = MockKubeconfig.connect(server);
    }

    /** Clients first, so no request or watch of ours is still open when the server stops. */
    @AfterAll
    static void stopTheServer() {
        labctl.close();
        admin.close();
        server.destroy();
    }

    @BeforeEach
    void aNamespaceOfItsOwn() throws InterruptedException {
        ns = "deploy-" + NAMESPACES.incrementAndGet();
        writesSinceLastCall(); // forget the requests of earlier tests
    }

    private DeployResult deploy(SparkClusterSpec spec, DeployOptions options) {
        return new StandaloneDeployer(labctl.client(), Progress.SILENT).deploy(spec, options);
    }

    private void createNamespace() {
        admin.resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
    }

    /** What labctl changed since the last call: every request but reads and permission reviews (tests run one at a time). */
    private static List<String> writesSinceLastCall() throws InterruptedException {
        List<String> writes = new ArrayList<>();
        for (RecordedRequest r = server.takeRequest(10, TimeUnit.MILLISECONDS); r != null;
             r = server.takeRequest(10, TimeUnit.MILLISECONDS)) {
            if (!r.getMethod().equals("GET") && !r.getPath().contains("/selfsubject")) { // access and rules reviews
                writes.add(r.getMethod() + " " + r.getPath());
            }
        }
        return writes;
    }

    /** Every object of the cluster in the namespace, of every kind a cluster may hold, as kind/name. */
    private List<String> liveObjects() {
        List<String> found = new ArrayList<>();
        for (Class<? extends HasMetadata> kind : StandaloneManifests.possibleKinds()) {
            admin.resources(kind).inNamespace(ns).list().getItems()
                    .forEach(o -> found.add(o.getKind() + "/" + o.getMetadata().getName()));
        }
        return found;
    }

    private Map<String, String> resourceVersions() {
        Map<String, String> versions = new LinkedHashMap<>();
        for (Class<? extends HasMetadata> kind : StandaloneManifests.possibleKinds()) {
            admin.resources(kind).inNamespace(ns).list().getItems()
                    .forEach(o -> versions.put(o.getKind() + "/" + o.getMetadata().getName(),
                            o.getMetadata().getResourceVersion()));
        }
        return versions;
    }

    private static ClusterEndpoints endpointsWithoutANodePort(String ns) {
        // The mock allocates no node port (a real API server does), so there is no address from the host.
        return new ClusterEndpoints("spark://spark-a-master-svc." + ns + ".svc:7077", List.of(), null,
                "http://spark-a-master-svc." + ns + ".svc:8080",
                "kubectl port-forward -n " + ns + " svc/spark-a-master-svc 8080:8080, then open http://localhost:8080",
                "kubectl port-forward -n " + ns + " svc/spark-a-master-svc 7077:7077");
    }

    @Test
    void deploy_intoANamespaceThatDoesNotExist_createsItMarkedAsLabctls_andExactlyTheRenderedObjects() throws Exception {
        SparkClusterSpec spec = SparkClusterSpec.defaults("spark-a", ns);

        DeployResult result = deploy(spec, NO_WAIT);

        assertThat(result).isEqualTo(new DeployResult("spark-a", ns, 2, true, List.of(
                new AppliedObject("Service", "spark-a-master-svc", AppliedObject.CREATED),
                new AppliedObject("Deployment", "spark-a-master", AppliedObject.CREATED),
                new AppliedObject("Deployment", "spark-a-worker", AppliedObject.CREATED)),
                null, endpointsWithoutANodePort(ns), KubectlEquivalents.deploy(spec)));
        Namespace namespace = admin.namespaces().withName(ns).get();
        assertThat(namespace.getMetadata().getAnnotations()).containsEntry(Labels.CREATED_BY_ANNOTATION, "labctl");
        assertThat(namespace.getMetadata().getLabels()).containsEntry(Labels.MANAGED_BY, "labctl");
        List<HasMetadata> rendered = new StandaloneManifests().render(spec).inApplyOrder();
        assertThat(liveObjects()).containsExactlyInAnyOrderElementsOf(
                rendered.stream().map(o -> o.getKind() + "/" + o.getMetadata().getName()).toList());
        for (HasMetadata object : rendered) {
            GenericKubernetesResource live = admin.genericKubernetesResources(object.getApiVersion(), object.getKind())
                    .inNamespace(ns).withName(object.getMetadata().getName()).get();
            assertThat(JsonSubset.differences(object, live)).as(object.getKind() + " " + object.getMetadata().getName())
                    .isEmpty();
        }
        assertThat(writesSinceLastCall()).as("server-side apply only, with labctl's field manager").isNotEmpty()
                .allSatisfy(w -> assertThat(w).startsWith("PATCH ").contains("fieldManager=labctl").contains("force=true"));
    }

    @Test
    void deploy_twice_changesNothing_theSecondTime() {
        SparkClusterSpec spec = SparkClusterSpec.defaults("spark-a", ns);
        deploy(spec, NO_WAIT);
        Map<String, String> before = resourceVersions();

        DeployResult again = deploy(spec, NO_WAIT);

        assertThat(again.createdNamespace()).isFalse();
        assertThat(again.objects()).extracting(AppliedObject::outcome)
                .containsExactly(AppliedObject.UNCHANGED, AppliedObject.UNCHANGED, AppliedObject.UNCHANGED);
        assertThat(resourceVersions()).isEqualTo(before);
    }

    @Test
    void deploy_moreWorkers_configuresTheWorkersAndTheRecordedSpec_notTheService() {
        deploy(SparkClusterSpec.defaults("spark-a", ns), NO_WAIT);

        DeployResult again = deploy(SparkClusterSpec.defaults("spark-a", ns).withWorkers(3), NO_WAIT);

        assertThat(again.objects()).containsExactly(
                new AppliedObject("Service", "spark-a-master-svc", AppliedObject.UNCHANGED),
                new AppliedObject("Deployment", "spark-a-master", AppliedObject.CONFIGURED),
                new AppliedObject("Deployment", "spark-a-worker", AppliedObject.CONFIGURED));
        assertThat(admin.apps().deployments().inNamespace(ns).withName("spark-a-worker").get().getSpec().getReplicas())
                .isEqualTo(3);
    }

    @Test
    void deploy_intoANamespaceSomeoneElseMade_leavesItUnmarked() {
        createNamespace();

        DeployResult result = deploy(SparkClusterSpec.defaults("spark-a", ns), NO_WAIT);

        assertThat(result.createdNamespace()).isFalse();
        assertThat(admin.namespaces().withName(ns).get().getMetadata().getAnnotations())
                .doesNotContainKey(Labels.CREATED_BY_ANNOTATION);
    }

    @Test
    void deploy_aServiceOfTheSameNameNotLabctls_isRefusedBeforeAnyWrite() throws InterruptedException {
        createNamespace();
        admin.resource(new ServiceBuilder().withNewMetadata().withName("spark-a-master-svc").withNamespace(ns).endMetadata()
                .withNewSpec().addToSelector("app", "mine").addNewPort().withPort(7077).endPort().endSpec().build()).create();
        writesSinceLastCall();

        assertThatThrownBy(() -> deploy(SparkClusterSpec.defaults("spark-a", ns), NO_WAIT))
                .isInstanceOfSatisfying(LabctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.PRECONDITION);
                    assertThat(e.getMessage()).isEqualTo("service spark-a-master-svc already exists in namespace " + ns
                            + " and is not part of labctl cluster spark-a");
                    assertThat(e.hint()).isEqualTo("choose another cluster name, or delete it with `kubectl delete "
                            + "service spark-a-master-svc -n " + ns + "`");
                });
        assertThat(writesSinceLastCall()).isEmpty();
        assertThat(liveObjects()).containsExactly("Service/spark-a-master-svc");
    }

    @Test
    void deploy_anObjectOfAnotherLabctlCluster_isRefusedToo() throws InterruptedException {
        deploy(SparkClusterSpec.defaults("spark-a", ns), NO_WAIT);
        admin.apps().deployments().inNamespace(ns).withName("spark-a-worker").edit(d -> {
            d.getMetadata().getLabels().put(Labels.INSTANCE, "spark-b");
            return d;
        });
        writesSinceLastCall();

        assertThatThrownBy(() -> deploy(SparkClusterSpec.defaults("spark-a", ns), NO_WAIT))
                .isInstanceOfSatisfying(LabctlException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("deployment spark-a-worker already exists in namespace " + ns + " and is not part of "
                                + "labctl cluster spark-a"));
        assertThat(writesSinceLastCall()).isEmpty();
    }

    @Test
    void deploy_withoutPermissionToCreateDeployments_isRefusedBeforeAnyWrite_namingItAndHowToCheck()
            throws InterruptedException {
        reviews.role(ns, rule(List.of("create"), "", "namespaces"), rule(List.of("*"), "", "services", "pods"),
                rule(List.of("get", "list", "watch", "patch"), "apps", "deployments"));

        assertThatThrownBy(() -> deploy(SparkClusterSpec.defaults("spark-a", ns), NO_WAIT))
                .isInstanceOfSatisfying(LabctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.FORBIDDEN);
                    assertThat(e.getMessage()).isEqualTo("not allowed to create deployments in namespace " + ns
                            + ", which deploying a Spark cluster needs; nothing was changed");
                    assertThat(e.hint()).isEqualTo("ask your cluster admin for a Role that allows it (check with "
                            + "`kubectl auth can-i create deployments.apps -n " + ns + "`)");
                });
        assertThat(writesSinceLastCall()).isEmpty();
        assertThat(admin.namespaces().withName(ns).get()).as("not even the namespace").isNull();
    }

    @Test
    void deploy_withoutPermissionToCreateNamespaces_isRefusedBeforeAnyWrite() throws InterruptedException {
        reviews.role(ns, rule(List.of("*"), "", "services", "pods"), rule(List.of("*"), "apps", "deployments"));

        assertThatThrownBy(() -> deploy(SparkClusterSpec.defaults("spark-a", ns), NO_WAIT))
                .hasMessage("not allowed to create namespaces, which deploying a Spark cluster needs; nothing was changed");
        assertThat(writesSinceLastCall()).isEmpty();
    }

    @Test
    void deploy_intoANewNamespace_checksEveryPermissionWithOneRulesReview() {
        List<String> rulesBefore = reviews.rulesReviewed();
        List<Permission> accessBefore = reviews.asked();

        deploy(SparkClusterSpec.defaults("spark-a", ns), NO_WAIT);

        assertThat(reviews.rulesReviewed().subList(rulesBefore.size(), reviews.rulesReviewed().size())).containsExactly(ns);
        assertThat(reviews.asked()).as("no access review: the new namespace's rules are the cluster-wide ones")
                .hasSameSizeAs(accessBefore);
    }

    @Test
    void deploy_anAuthorizerThatCannotListRules_isAskedPermissionByPermission_andAllowsTheDeploy() {
        createNamespace();
        reviews.deny(Permission.on("delete", Pod.class, ns)); // deploy never deletes: only makes the review incomplete
        List<Permission> before = reviews.asked();

        DeployResult result = deploy(SparkClusterSpec.defaults("spark-a", ns), NO_WAIT);

        assertThat(result.objects()).hasSize(3);
        assertThat(reviews.asked().subList(before.size(), reviews.asked().size()))
                .containsExactlyElementsOf(DeployPreflight.neededPermissions(
                        new StandaloneManifests().render(SparkClusterSpec.defaults("spark-a", ns)), ns, false, WaitMode.none));
    }

    @Test
    void deploy_twoPermissionsDenied_namesTheFirstAndCountsTheRest() {
        createNamespace();
        reviews.deny(Permission.on("patch", Service.class, ns))
                .deny(Permission.on("patch", Deployment.class, ns));

        assertThatThrownBy(() -> deploy(SparkClusterSpec.defaults("spark-a", ns), NO_WAIT))
                .hasMessage("not allowed to patch services in namespace " + ns + " (and 1 more), which deploying a "
                        + "Spark cluster needs; nothing was changed");
    }

    @Test
    void deploy_intoANamespaceBeingDeleted_isRefused() throws InterruptedException {
        admin.resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().withNewStatus()
                .withPhase("Terminating").endStatus().build()).create();
        writesSinceLastCall();

        assertThatThrownBy(() -> deploy(SparkClusterSpec.defaults("spark-a", ns), NO_WAIT))
                .isInstanceOfSatisfying(LabctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.PRECONDITION);
                    assertThat(e.getMessage()).isEqualTo("namespace " + ns + " is being deleted");
                });
        assertThat(writesSinceLastCall()).isEmpty();
    }

    @Test
    void deploy_imageOnNoNodeThatReportsImages_isRefusedBeforeAnyWrite() throws InterruptedException {
        admin.resource(TestNodes.ready("deploy-node-1", "labctl/spark-base:3.5.7")).create();
        try {
            writesSinceLastCall();
            DeployOptions checkImages = new DeployOptions(WaitMode.none, Duration.ofSeconds(30), false);

            assertThatThrownBy(() -> deploy(SparkClusterSpec.defaults("spark-a", ns), checkImages))
                    .isInstanceOfSatisfying(LabctlException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.PRECONDITION);
                        assertThat(e.getMessage()).isEqualTo("image " + spec().masterImage() + " is not on any node "
                                + "(deploy-node-1 report their images and none has it); nothing was changed");
                    });
            assertThat(writesSinceLastCall()).isEmpty();
        } finally {
            admin.nodes().withName("deploy-node-1").delete();
        }
    }

    @Test
    void deploy_waitingForSpark_returnsOnceThePodsAreReadyAndTheMasterReportsTheWorkers() throws Exception {
        SparkClusterSpec spec = SparkClusterSpec.defaults("spark-a", ns);
        String masterPod = "spark-a-master-7f9c6d5b8-abcde";
        server.expect().get().withPath("/api/v1/namespaces/" + ns + "/pods/" + masterPod + ":8080/proxy/json/")
                .andReturn(200, MasterJson.master("spark://10.244.1.10:7077").alive("10.244.1.11", "10.244.1.12")
                        .dead("10.244.1.9").toString()).always();
        CountDownLatch waiting = new CountDownLatch(1);
        Progress progress = new Progress() {
            @Override
            public void step(String message) {
            }

            @Override
            public void update(String status) {
                waiting.countDown(); // the watch has listed the pods once: the wait is under way
            }

            @Override
            public void note(String message) {
            }
        };
        CompletableFuture<DeployResult> deploying = CompletableFuture.supplyAsync(() -> new StandaloneDeployer(
                labctl.client(), progress).deploy(spec, new DeployOptions(WaitMode.spark, Duration.ofSeconds(30), true)));
        assertThat(waiting.await(30, TimeUnit.SECONDS)).as("the wait started").isTrue();

        // The Deployments' controllers and the kubelet, played by the test: pods appear and become Ready. The kubelet
        // posts their status again until deploy sees them: fabric8's 7.7.0 mock drops an event sent while a watch is
        // still opening, and a later post is what the watch then sees.
        List<Pod> pods = List.of(runningPod(masterPod, SparkLabels.MASTER),
                runningPod("spark-a-worker-6b8d7c9f4-fghij", SparkLabels.WORKER),
                runningPod("spark-a-worker-6b8d7c9f4-klmno", SparkLabels.WORKER));
        pods.forEach(p -> admin.resource(p).create());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (int post = 0; !deploying.isDone() && System.nanoTime() < deadline; post++) {
            try {
                deploying.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                String probed = String.format("2026-11-22T10:%02d:%02dZ", post / 60 % 60, post % 60);
                pods.forEach(p -> admin.pods().resource(p).editStatus(current -> {
                    Pod posted = new PodBuilder(current).build();
                    posted.getStatus().getConditions().forEach(c -> c.setLastProbeTime(probed));
                    return posted;
                }));
            }
        }

        DeployResult result = deploying.get(1, TimeUnit.SECONDS);
        assertThat(result.readiness()).isEqualTo(new Readiness(true, 1, 2, 2, 2, 2,
                "master 1/1 ready, worker pods 2/2 ready, workers ALIVE in Spark 2/2", ""));
    }

    @Test
    void deploy_podsNeverReady_timesOutNamingWhatIsMissing_andTheObjectsStay() {
        SparkClusterSpec spec = SparkClusterSpec.defaults("spark-a", ns);

        assertThatThrownBy(() -> deploy(spec, new DeployOptions(WaitMode.pods, Duration.ofMillis(500), true)))
                .isInstanceOfSatisfying(LabctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.TIMEOUT);
                    assertThat(e.getMessage()).isEqualTo("timed out after 500ms waiting for the pods of spark-a: "
                            + "no master pod exists; 0 worker pods exist, 2 wanted");
                    assertThat(e.hint()).isEqualTo("the objects exist; inspect them with `labctl spark status spark-a -n "
                            + ns + "`, wait longer with --timeout, or remove them with `labctl spark teardown spark-a -n "
                            + ns + "`");
                });
        assertThat(liveObjects()).hasSize(3);
    }

    private SparkClusterSpec spec() {
        return SparkClusterSpec.defaults("spark-a", ns);
    }

    /** A Ready pod of the cluster, as its ReplicaSet and the kubelet leave it. */
    private Pod runningPod(String name, String component) {
        Pod ready = TestPods.ready(name, component);
        return new PodBuilder(ready).editMetadata().withNamespace(ns).withLabels(SparkLabels.component("spark-a", component))
                .endMetadata().build();
    }
}
