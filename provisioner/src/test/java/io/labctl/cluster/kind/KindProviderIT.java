package io.labctl.cluster.kind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.labctl.cli.CliRun;
import io.labctl.kube.Nodes;
import io.labctl.spark.standalone.SparkLabels;
import io.labctl.testbed.HostPyspark;
import io.labctl.testbed.RequiredTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier: end to end on a real Docker engine: kind clusters of real kubelets in node containers, built offline by
 * testbed/kind/build. The default student path (a multi-node cluster of containers on one's own Docker), in order:
 * a 1+2 cluster, the Spark images loaded without a registry, Spark deployed across both workers, 7077 from the host
 * through a node's NodePort, a job with its driver on this machine, scale to 3, a second cluster beside it, both
 * removed with nothing left behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KindProviderIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIRST = "kinda";
    private static final String SECOND = "kindb";
    private static final String NS = "lab";

    /** One home for the whole class (its clusters outlive single tests); static, so it exists before @BeforeAll. */
    @TempDir
    static Path home;
    private Map<String, String> env;
    private Path kubeconfig;
    private String nodeImage;

    @BeforeAll
    void requireKindAndAnEngine() {
        String kind = System.getenv("LABCTL_TESTBED_KIND");
        nodeImage = System.getenv("LABCTL_TESTBED_KIND_NODE_IMAGE");
        if (kind == null || nodeImage == null || !Files.isExecutable(Path.of(kind))) {
            RequiredTools.unavailable("kind and its node image are not built (testbed/kind/build; testbed/env names them)");
        }
        RequiredTools.require("docker", "Debian package docker.io");
        env = new HashMap<>();
        env.put("PATH", Path.of(kind).getParent() + ":" + System.getenv("PATH"));
        env.put("HOME", home.toString());
        env.put("LABCTL_STATE_DIR", home.resolve("state").toString());
        if (System.getenv("DOCKER_HOST") != null) {
            env.put("DOCKER_HOST", System.getenv("DOCKER_HOST"));
        }
        kubeconfig = home.resolve("kubeconfig");
    }

    @AfterAll
    void removeWhatIsLeft() {
        if (env != null) {
            labctl("cluster", "down", SECOND);
            labctl("cluster", "down", FIRST);
        }
    }

    private CliRun labctl(String... args) {
        return CliRun.run(env, home, false, args);
    }

    private CliRun labctlOk(String... args) {
        CliRun run = labctl(args);
        assertThat(run.status()).as(String.join(" ", args) + "\n" + run.err()).isZero();
        return run;
    }

    private KubernetesClient client(String cluster) {
        return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig("labctl-" + cluster, kubeconfig.toFile()))
                .build();
    }

    @Test
    @Order(1)
    void up_aControlPlaneAndTwoWorkers_allReady_contextMerged() throws IOException {
        JsonNode view = JSON.readTree(labctlOk("--kubeconfig", kubeconfig.toString(), "cluster", "up", FIRST,
                "--provider", "kind", "--workers", "2", "--node-image", nodeImage, "-o", "json").out());

        assertThat(view.path("provider").asText()).isEqualTo("kind");
        assertThat(view.path("nodes")).hasSize(3).allSatisfy(n -> assertThat(n.path("ready").asBoolean()).isTrue());
        try (KubernetesClient client = client(FIRST)) {
            assertThat(client.nodes().list().getItems()).filteredOn(Nodes::isControlPlane).hasSize(1);
        }
        assertThat(io.labctl.cluster.KubeconfigStore.read(kubeconfig).getContexts())
                .extracting(c -> c.getName()).containsExactly("labctl-" + FIRST);
    }

    @Test
    @Order(2)
    void imageLoad_putsTheSparkImagesOnEveryNode_withoutARegistry() throws IOException {
        JsonNode loaded = JSON.readTree(labctlOk("image", "load", "--cluster", FIRST, "-o", "json").out());

        assertThat(loaded.path("nodes")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(FIRST + "-control-plane", FIRST + "-worker", FIRST + "-worker2");
    }

    @Test
    @Order(3)
    void deploy_workersOnBothWorkerNodes_masterReachableFromThisMachineThroughANodePort() throws IOException {
        JsonNode deployed = JSON.readTree(labctlOk("--context", "labctl-" + FIRST, "--kubeconfig", kubeconfig.toString(),
                "spark", "deploy", "spark", "-n", NS, "--workers", "2", "-o", "json").out());

        assertThat(deployed.path("readiness").path("aliveWorkers").asInt()).isEqualTo(2);
        try (KubernetesClient client = client(FIRST)) {
            Set<String> workerNodes = client.pods().inNamespace(NS).withLabels(SparkLabels.component("spark",
                    SparkLabels.WORKER)).list().getItems().stream().map(p -> p.getSpec().getNodeName()).collect(Collectors.toSet());
            assertThat(workerNodes).containsExactlyInAnyOrder(FIRST + "-worker", FIRST + "-worker2");
        }
        // spark://NODE-CONTAINER-IP:NODEPORT: a node container's address is routable from this machine on Linux
        URI master = URI.create(deployed.path("endpoints").path("fromHost").get(0).asText());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(master.getHost(), master.getPort()), 3000);
        }
    }

    @Test
    @Order(4)
    void hostDriver_piOnTheKindWorkers() throws Exception {
        HostPyspark.require();
        Path job = Files.writeString(home.resolve("pi.py"), """
                import socket, sys
                from pyspark.sql import SparkSession
                spark = SparkSession.builder.getOrCreate()
                n = spark.sparkContext.parallelize(range(200000), 4).filter(
                    lambda i: (((i * 7919) % 1000) / 1000.0) ** 2 + (((i * 104729) % 1000) / 1000.0) ** 2 <= 1).count()
                hosts = sorted(set(spark.sparkContext.parallelize(range(8), 4).map(lambda _: socket.gethostname()).collect()))
                open(sys.argv[1], "w").write("PI %.2f %s" % (4.0 * n / 200000, ",".join(hosts)))
                spark.stop()
                """);
        Path result = home.resolve("pi.txt");
        Map<String, String> shell = new HashMap<>(env);
        shell.put("HOME", System.getenv("HOME")); // pyenv's shims live under the real HOME
        CliRun run = CliRun.run(shell, home, false, "--context", "labctl-" + FIRST, "--kubeconfig", kubeconfig.toString(),
                "spark", "connect", "spark", "-n", NS, "--", "python3", job.toString(), result.toString());

        assertThat(run.status()).as(run.err()).isZero();
        String[] line = Files.readString(result).split(" ");
        assertThat(Double.parseDouble(line[1])).isBetween(3.0, 3.3);
        assertThat(line[2].split(",")).allMatch(h -> h.startsWith("spark-worker-"));
    }

    @Test
    @Order(5)
    void scale_toThree_andASecondClusterBesideIt() throws IOException {
        labctlOk("--context", "labctl-" + FIRST, "--kubeconfig", kubeconfig.toString(), "spark", "scale", "spark", "-n", NS,
                "--workers", "3");
        labctlOk("--kubeconfig", kubeconfig.toString(), "cluster", "up", SECOND, "--provider", "kind", "--workers", "0",
                "--node-image", nodeImage, "--no-switch-context");

        JsonNode clusters = JSON.readTree(labctlOk("cluster", "list", "-o", "json").out());
        assertThat(clusters).extracting(c -> c.path("name").asText()).containsExactly(FIRST, SECOND);
        try (KubernetesClient first = client(FIRST); KubernetesClient second = client(SECOND)) {
            assertThat(first.pods().inNamespace(NS).withLabels(SparkLabels.component("spark", SparkLabels.WORKER))
                    .list().getItems()).hasSize(3).allMatch(p -> "Running".equals(p.getStatus().getPhase()));
            assertThat(second.nodes().list().getItems()).hasSize(1);
        }
    }

    @Test
    @Order(6)
    void down_both_leaveNoContainerNetworkOrContext() throws Exception {
        // No --kubeconfig: down removes the context from the file the cluster was recorded with (and refuses the option)
        labctlOk("cluster", "down", SECOND);
        labctlOk("cluster", "down", FIRST);
        CliRun twice = labctlOk("cluster", "down", FIRST);

        assertThat(twice.out()).contains("did not exist");
        for (String cluster : List.of(FIRST, SECOND)) {
            assertThat(docker("ps", "-a", "-q", "--filter", "label=" + KindProvider.CLUSTER_LABEL + "=" + cluster)).isEmpty();
            assertThat(docker("network", "ls", "-q", "--filter", "name=^labctl-kind-" + cluster + "$")).isEmpty();
        }
        var contexts = io.labctl.cluster.KubeconfigStore.read(kubeconfig).getContexts();
        assertThat(contexts == null ? List.<String>of() : contexts.stream().map(c -> c.getName()).toList())
                .doesNotContain("labctl-" + FIRST, "labctl-" + SECOND);
    }

    private String docker(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes()).strip();
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return out;
    }
}
