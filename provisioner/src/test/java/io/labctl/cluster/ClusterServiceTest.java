package io.labctl.cluster;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.labctl.kube.KubeConnector;
import io.labctl.kube.MockApiTest;
import io.labctl.kube.MockKubeconfig;
import io.labctl.kube.TestNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tier: unit. Providers are plain Java test doubles ({@link FakeProvider}: that is logic, not Kubernetes); the new
 * cluster's API server is fabric8's mock (CRUD mode, one per class), whose Node objects the tests seed as kubelets
 * would report them. State and kubeconfigs live in a temp dir.
 */
@MockApiTest
@EnableKubernetesMockClient(crud = true, https = false)
class ClusterServiceTest {
    static KubernetesMockServer server;
    static KubernetesClient client; // plays the kubelets: registers nodes, reports them Ready

    /** The user's own kubeconfig, which labctl merges its context into and must otherwise leave as it is. */
    private static final String USERS_OWN = """
            apiVersion: v1
            kind: Config
            clusters:
            - cluster:
                server: https://uni.example:6443
              name: uni
            users:
            - name: student
              user:
                token: abc
            contexts:
            - context:
                cluster: uni
                user: student
              name: course
            current-context: course
            """;

    @TempDir
    Path dir;

    private ClusterRegistry registry;
    private Path kubeconfig;
    private FakeProvider fake;
    private FakeProvider other;
    private ClusterService service;

    /** Before the extension stops the server, so no watch of ours is still open then. */
    @AfterAll
    static void closeClientFirst() {
        client.close();
    }

    @BeforeEach
    void aFreshHostAndCluster() throws IOException {
        client.nodes().delete();
        registry = new ClusterRegistry(dir.resolve("state"));
        kubeconfig = Files.writeString(Files.createDirectories(dir.resolve(".kube")).resolve("config"), USERS_OWN);
        fake = new FakeProvider("fake").handingBack(MockKubeconfig.yaml(server, "default"));
        other = new FakeProvider("other");
        service = new ClusterService(Providers.of(List.of(fake, other)), registry, new KubeConnector(Map.of(), dir));
    }

    private static ClusterSpec spec(String name, String provider, int workers) {
        return new ClusterSpec(name, provider, workers, 2, 2048, null, null, Map.of());
    }

    private ClusterService.KubeconfigTarget merged() {
        return new ClusterService.KubeconfigTarget(kubeconfig, false, false);
    }

    private static void nodes(Node... nodes) {
        for (Node node : nodes) {
            client.resource(node).create();
        }
    }

    private static List<String> contexts(Path file) {
        return KubeconfigStore.read(file).getContexts().stream().map(NamedContext::getName).toList();
    }

    @Test
    void up_preflightProblem_createsNothing_andOffersNoOtherProvider_whenTheHostHasThisOne() throws IOException {
        fake.failingPreflight(new PreflightProblem("Docker has 1.5 GiB of memory; 2 nodes need 2 GiB",
                "give Docker more memory, or use --workers 0"));

        assertThatThrownBy(() -> service.up(spec("lab1", "fake", 1), merged(), Duration.ofSeconds(30), Progress.SILENT))
                .isInstanceOfSatisfying(LabctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.PRECONDITION);
                    assertThat(e.getMessage()).isEqualTo("Docker has 1.5 GiB of memory; 2 nodes need 2 GiB");
                    assertThat(e.hint()).isEqualTo("give Docker more memory, or use --workers 0");
                });
        assertThat(fake.calls()).containsExactly("preflight lab1");
        assertThat(registry.list()).isEmpty();
        assertThat(Files.readString(kubeconfig)).isEqualTo(USERS_OWN);
    }

    @Test
    void up_hostLacksTheProvider_namesTheOtherProviders_withWhatTheyNeed() {
        List<String> notes = new CopyOnWriteArrayList<>();
        fake.failingPreflight(PreflightProblem.providerUnavailable("no Docker engine answers", "start Docker"),
                new PreflightProblem("port 6443 is taken", "stop what listens on it"));

        assertThatThrownBy(() -> service.up(spec("lab1", "fake", 1), merged(), Duration.ofSeconds(30), notes(notes)))
                .isInstanceOfSatisfying(LabctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.PRECONDITION);
                    assertThat(e.getMessage()).isEqualTo("2 preflight checks failed (listed above); first: no Docker "
                            + "engine answers");
                    assertThat(e.hint()).isEqualTo("start Docker; or choose another --provider: other (what other needs)");
                });
        assertThat(notes).containsExactly("no Docker engine answers (fix: start Docker)",
                "port 6443 is taken (fix: stop what listens on it)");
        assertThat(fake.calls()).doesNotContain("up lab1");
        assertThat(registry.list()).isEmpty();
    }

    @Test
    void up_optionOfAnotherProvider_isAUsageError_beforeAnyPreflight() {
        other.withOptions(new ProviderOption("driver", "DRIVER", "minikube's driver"));
        ClusterSpec withDriver = new ClusterSpec("lab1", "fake", 1, 2, 2048, null, null, Map.of("driver", "docker"));

        assertThatThrownBy(() -> service.up(withDriver, merged(), Duration.ofSeconds(30), Progress.SILENT))
                .isInstanceOfSatisfying(LabctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).isEqualTo("--driver is not an option of provider fake");
                    assertThat(e.hint()).isEqualTo("drop --driver, or choose the provider that takes it");
                });
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void up_nameAlreadyTakenByAnotherProvider_isAUsageError() {
        registry.save(new ClusterRecord("lab1", "other", 1, 2, 2048, kubeconfig, "labctl-lab1", "2026-11-22T10:00:00Z",
                Map.of()));

        assertThatThrownBy(() -> service.up(spec("lab1", "fake", 1), merged(), Duration.ofSeconds(30), Progress.SILENT))
                .isInstanceOfSatisfying(LabctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).isEqualTo("cluster 'lab1' already exists with provider other");
                });
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void up_mergesItsContextBesideTheUsersOwn_recordsTheCluster_andReturnsTheReadyNodes() {
        nodes(TestNodes.readyControlPlane("lab1-server"), TestNodes.ready("lab1-agent-1"));

        ClusterView view = service.up(spec("lab1", "fake", 1), merged(), Duration.ofSeconds(30), Progress.SILENT);

        assertThat(view).isEqualTo(new ClusterView("lab1", "fake", "labctl-lab1", kubeconfig.toString(),
                "running: 2 fake machines", "yes", List.of(
                new ClusterView.NodeView("lab1-agent-1", "worker", true, "192.168.56.11", "v1.33.4"),
                new ClusterView.NodeView("lab1-server", "master", true, "192.168.56.10", "v1.33.4")),
                List.of("NodePorts: at any node's address")));
        Config written = KubeconfigStore.read(kubeconfig);
        assertThat(contexts(kubeconfig)).containsExactly("course", "labctl-lab1");
        assertThat(written.getCurrentContext()).as("not switched unless asked").isEqualTo("course");
        assertThat(written.getClusters()).filteredOn(c -> c.getName().equals("labctl-lab1")).singleElement()
                .satisfies(c -> assertThat(c.getCluster().getServer()).isEqualTo(server.url("/").replaceAll("/$", "")));
        assertThat(registry.require("lab1")).usingRecursiveComparison().ignoringFields("created").isEqualTo(
                new ClusterRecord("lab1", "fake", 1, 2, 2048, kubeconfig, "labctl-lab1", null,
                        Map.of("machines", "2 fake machines")));
    }

    @Test
    void up_waitsUntilTheKubeletsReportTheNodesReady() throws Exception {
        nodes(TestNodes.readyControlPlane("lab1-server"), TestNodes.notReady("lab1-agent-1"));
        CountDownLatch waiting = new CountDownLatch(1);
        Progress progress = new Progress() {
            @Override
            public void step(String message) {
            }

            @Override
            public void update(String status) {
                if (status.startsWith("1/2 nodes Ready")) {
                    waiting.countDown();
                }
            }

            @Override
            public void note(String message) {
            }
        };
        CompletableFuture<ClusterView> up = CompletableFuture.supplyAsync(() ->
                service.up(spec("lab1", "fake", 1), merged(), Duration.ofSeconds(30), progress));
        assertThat(waiting.await(30, TimeUnit.SECONDS)).as("waiting with one node not Ready").isTrue();

        // The kubelet posts its status again and again, as a real one does every few seconds: fabric8's 7.7.0 mock
        // drops an event sent while a watch is still opening, and a later post is what the watch then sees.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (int post = 0; !up.isDone() && System.nanoTime() < deadline; post++) {
            String heartbeat = String.format("2026-11-22T10:%02d:%02dZ", post / 60 % 60, post % 60);
            client.nodes().withName("lab1-agent-1").editStatus(n -> {
                Node ready = TestNodes.ready("lab1-agent-1");
                ready.getStatus().getConditions().forEach(c -> c.setLastHeartbeatTime(heartbeat));
                return new NodeBuilder(n).withStatus(ready.getStatus()).build();
            });
            try {
                up.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                // post again
            }
        }

        assertThat(up.get(1, TimeUnit.SECONDS).readyNodes()).isEqualTo(2);
    }

    @Test
    void up_nodesNeverReady_timesOutNamingThem_andKeepsTheRecordForDown() {
        nodes(TestNodes.readyControlPlane("lab1-server"), TestNodes.notReady("lab1-agent-1"));

        assertThatThrownBy(() -> service.up(spec("lab1", "fake", 1), merged(), Duration.ofMillis(300), Progress.SILENT))
                .isInstanceOfSatisfying(LabctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.TIMEOUT);
                    assertThat(e.getMessage()).isEqualTo("timed out after 300ms waiting for 2 Ready nodes: 1/2 nodes "
                            + "Ready (not Ready: lab1-agent-1)");
                    assertThat(e.hint()).isEqualTo("the machines exist; check them with `labctl cluster status`, or "
                            + "remove them with `labctl cluster down`");
                });
        assertThat(registry.find("lab1")).isPresent();
        assertThat(contexts(kubeconfig)).contains("labctl-lab1");
    }

    @Test
    void up_providerFailingHalfWay_leavesARecord_soThatDownRemovesWhatItMade() {
        fake.failingUp(LabctlException.precondition("the k3s agent 1 of 'lab1' did not start: port in use",
                "remove what was created with `labctl cluster down lab1`"));
        assertThatThrownBy(() -> service.up(spec("lab1", "fake", 1), merged(), Duration.ofSeconds(30), Progress.SILENT))
                .hasMessageStartingWith("the k3s agent 1 of 'lab1' did not start");

        boolean removed = service.down("lab1", Progress.SILENT);

        assertThat(removed).as("the hint's own advice works").isTrue();
        assertThat(fake.calls()).containsExactly("preflight lab1", "up lab1", "down lab1");
        assertThat(registry.find("lab1")).isEmpty();
        assertThat(contexts(kubeconfig)).containsExactly("course");
    }

    @Test
    void up_providerThatDoesNotOwnItsKubeconfig_usesTheUsersContextAsItIs() throws IOException {
        nodes(TestNodes.readyControlPlane("dept-server"));
        Path users = MockKubeconfig.write(server, "dept", dir.resolve("dept.kubeconfig"));
        String before = Files.readString(users);
        fake.notOwningKubeconfigs().handingBack(null);

        ClusterView view = service.up(new ClusterSpec("dept", "fake", 0, 2, 2048, users, "dept", Map.of()), merged(),
                Duration.ofSeconds(30), Progress.SILENT);

        assertThat(view.context()).isEqualTo("dept");
        assertThat(view.kubeconfig()).isEqualTo(users.toString());
        assertThat(view.readyNodes()).isEqualTo(1);
        assertThat(Files.readString(users)).isEqualTo(before);
        assertThat(Files.readString(kubeconfig)).isEqualTo(USERS_OWN);
    }

    @Test
    void up_standaloneKubeconfig_holdsOnlyThisCluster_asItsCurrentContext() {
        nodes(TestNodes.readyControlPlane("lab1-server"));
        Path own = dir.resolve("lab1.kubeconfig");

        service.up(spec("lab1", "fake", 0), new ClusterService.KubeconfigTarget(own, true, false), Duration.ofSeconds(30),
                Progress.SILENT);

        assertThat(contexts(own)).containsExactly("labctl-lab1");
        assertThat(KubeconfigStore.read(own).getCurrentContext()).isEqualTo("labctl-lab1");
    }

    @Test
    void down_unknownName_isFine_andAsksNoProvider() {
        List<String> notes = new CopyOnWriteArrayList<>();

        boolean removed = service.down("lab9", notes(notes));

        assertThat(removed).isFalse();
        assertThat(notes).containsExactly("no cluster named 'lab9'; nothing to remove");
        assertThat(fake.calls()).isEmpty();
        assertThat(other.calls()).isEmpty();
    }

    @Test
    void down_removesTheMachines_itsContext_andTheRecord_keepingTheUsersOwnContexts() {
        nodes(TestNodes.readyControlPlane("lab1-server"));
        service.up(spec("lab1", "fake", 0), merged(), Duration.ofSeconds(30), Progress.SILENT);

        boolean removed = service.down("lab1", Progress.SILENT);

        assertThat(removed).isTrue();
        assertThat(fake.calls()).endsWith("down lab1");
        assertThat(contexts(kubeconfig)).containsExactly("course");
        assertThat(registry.find("lab1")).isEmpty();
    }

    @Test
    void down_providerThatDoesNotOwnItsKubeconfig_leavesTheKubeconfigAlone() throws IOException {
        // Even a context that happens to be called labctl-dept is the user's here, and so is the file's formatting.
        Path users = Files.writeString(dir.resolve("dept.kubeconfig"), USERS_OWN.replace("name: course", "name: labctl-dept")
                .replace("current-context: course", "current-context: labctl-dept"));
        String before = Files.readString(users);
        fake.notOwningKubeconfigs();
        registry.save(new ClusterRecord("dept", "fake", 0, 2, 2048, users, "labctl-dept", "2026-11-22T10:00:00Z", Map.of()));

        boolean removed = service.down("dept", Progress.SILENT);

        assertThat(removed).isTrue();
        assertThat(fake.calls()).containsExactly("down dept");
        assertThat(Files.readString(users)).isEqualTo(before);
        assertThat(registry.find("dept")).isEmpty();
    }

    @Test
    void status_clusterThatStoppedAnswering_saysSo_withTheProvidersView() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path gone = Files.writeString(dir.resolve("gone.kubeconfig"), MockKubeconfig.yaml(server, "labctl-lab1")
                .replace(server.url("/").replaceAll("/$", ""), "http://127.0.0.1:" + port));
        registry.save(new ClusterRecord("lab1", "fake", 0, 2, 2048, gone, "labctl-lab1", "2026-11-22T10:00:00Z",
                Map.of("machines", "0 fake machines")));

        ClusterView view = service.status("lab1");

        assertThat(view).isEqualTo(new ClusterView("lab1", "fake", "labctl-lab1", gone.toString(),
                "running: 0 fake machines", "no: cannot reach the Kubernetes API server at http://127.0.0.1:" + port
                + "/ (connection refused)", List.of(), List.of()));
    }

    private static Progress notes(List<String> into) {
        return new Progress() {
            @Override
            public void step(String message) {
            }

            @Override
            public void update(String status) {
            }

            @Override
            public void note(String message) {
                into.add(message);
            }
        };
    }
}
