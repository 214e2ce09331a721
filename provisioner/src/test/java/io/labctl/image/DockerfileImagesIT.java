package io.labctl.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labctl.cli.CliRun;
import io.labctl.testbed.RequiredTools;
import io.labctl.testbed.Testbed;
import io.labctl.testbed.TestbedExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier: end to end (real Docker engine, real Spark processes, the test bed's real node). Builds dockerfiles/ for
 * real with `labctl image build` from local sources (no registry: the OS base and the Spark/Hadoop tarballs come
 * from testbed/images), runs the master and two worker images as containers until the master's /json/ lists both
 * workers ALIVE, then imports the same images into the real node and deploys them with `labctl spark deploy`.
 */
@Tag("integration")
@ExtendWith(TestbedExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DockerfileImagesIT {
    static final String TAG = "3.5.7-it";
    static final String MASTER = "labctl/spark-master:" + TAG;
    static final String WORKER = "labctl/spark-worker:" + TAG;
    static final String RUN_ID = UUID.randomUUID().toString().substring(0, 8);
    static final String NETWORK = "labctl-it-" + RUN_ID;

    @TempDir
    static Path home;

    @BeforeAll
    static void requireEngineAndSources() {
        DockerEngine.require();
        for (String variable : new String[] {"LABCTL_TESTBED_DIST", "LABCTL_TESTBED_OS_BASE_IMAGE"}) {
            if (System.getenv(variable) == null) {
                RequiredTools.unavailable(variable + " is not set (eval \"$(testbed/env)\" after testbed/images)");
            }
        }
    }

    @AfterAll
    static void removeContainers() throws IOException {
        String ids = DockerEngine.run(Duration.ofMinutes(1), "docker", "ps", "-aq", "--filter", "label=labctl-it=" + RUN_ID).output();
        for (String id : ids.split("\\s+")) {
            if (!id.isBlank()) {
                DockerEngine.run(Duration.ofMinutes(1), "docker", "rm", "-f", id);
            }
        }
        DockerEngine.run(Duration.ofMinutes(1), "docker", "network", "rm", NETWORK);
    }

    static Map<String, String> env() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("LABCTL_HOME", Path.of("..").toAbsolutePath().normalize().toString());
        return env;
    }

    @Test
    @Order(1)
    void imageBuild_fromLocalSources_buildsBaseMasterAndWorkerFromTheBase() throws IOException {
        Path dist = Path.of(System.getenv("LABCTL_TESTBED_DIST"));

        CliRun run = CliRun.run(env(), home, false, "image", "build", "--tag", TAG,
                "--base-image", System.getenv("LABCTL_TESTBED_OS_BASE_IMAGE"), "--os-packages", "",
                "--hadoop-version", "3.3.4", "--spark-tgz", dist.resolve("spark-3.5.7-bin-hadoop3.tgz").toString(),
                "--hadoop-tgz", dist.resolve("hadoop-3.3.4.tar.gz").toString());

        assertThat(run.status()).as(run.err()).isZero();
        String baseId = DockerEngine.docker("image", "inspect", "--format", "{{.Id}}", "labctl/spark-base:" + TAG);
        // master and worker are built FROM the base: the base's top layer is among theirs.
        String baseTop = DockerEngine.docker("image", "inspect", "--format", "{{json .RootFS.Layers}}", "labctl/spark-base:" + TAG);
        assertThat(DockerEngine.docker("image", "inspect", "--format", "{{json .RootFS.Layers}}", MASTER)).isEqualTo(baseTop);
        assertThat(DockerEngine.docker("image", "inspect", "--format", "{{json .Config.Cmd}}", WORKER)).isEqualTo("[\"worker\"]");
        // labctl's device plugin is built FROM the same base and runs its jar with the base's Java
        assertThat(run.out()).contains("labctl/device-plugin:0.1.0");
        DockerEngine.Result plugin = DockerEngine.run(Duration.ofMinutes(1), "docker", "run", "--rm", "--label",
                "labctl-it=" + RUN_ID, "-e", "LABCTL_DEVICE_COUNT=0", "labctl/device-plugin:0.1.0");
        assertThat(plugin.exit()).isEqualTo(2);
        assertThat(plugin.output()).contains("labctl-device-plugin: error: device count 0 is out of range (1..64)");
        assertThat(baseId).startsWith("sha256:");
        String layout = DockerEngine.docker("run", "--rm", "--label", "labctl-it=" + RUN_ID, "labctl/spark-base:" + TAG,
                "bash", "-c", "id -u; echo $JAVA_HOME; test -x /opt/spark/bin/spark-submit && test -d /opt/hadoop/share/hadoop"
                        + " && test -f /opt/spark/examples/jars/spark-examples.jar && echo layout-ok");
        assertThat(layout.lines()).containsExactly("185", "/opt/java", "layout-ok");
    }

    @Test
    @Order(2)
    void imageBuild_withAChecksumThatDoesNotMatch_stopsBeforeUnpacking() throws IOException {
        Path dist = Path.of(System.getenv("LABCTL_TESTBED_DIST"));

        CliRun run = CliRun.run(env(), home, false, "image", "build", "--tag", TAG + "-bad",
                "--base-image", System.getenv("LABCTL_TESTBED_OS_BASE_IMAGE"), "--os-packages", "",
                "--hadoop-version", "3.3.4", "--spark-tgz", dist.resolve("spark-3.5.7-bin-hadoop3.tgz").toString(),
                "--hadoop-tgz", dist.resolve("hadoop-3.3.4.tar.gz").toString(), "--spark-sha512", "0".repeat(128));

        assertThat(run.status()).isEqualTo(7);
        assertThat(run.err()).contains("install-spark: error: spark-3.5.7-bin-hadoop3.tgz has SHA-512 ")
                .contains("expected " + "0".repeat(128));
        assertThat(DockerEngine.run(Duration.ofSeconds(30), "docker", "image", "inspect", "labctl/spark-base:" + TAG + "-bad")
                .exit()).isNotZero();
    }

    @Test
    @Order(3)
    void masterAndWorkerContainers_registerTwoAliveWorkers() throws Exception {
        DockerEngine.docker("network", "create", "--label", "labctl-it=" + RUN_ID, NETWORK);
        String master = "master-" + RUN_ID;
        DockerEngine.docker("run", "-d", "--name", master, "--network", NETWORK, "--label", "labctl-it=" + RUN_ID,
                "-e", "SPARK_MASTER_HOST=" + master, "-p", "127.0.0.1::8080", MASTER);
        for (int i = 1; i <= 2; i++) {
            DockerEngine.docker("run", "-d", "--name", "worker-" + i + "-" + RUN_ID, "--network", NETWORK,
                    "--label", "labctl-it=" + RUN_ID, "-e", "SPARK_MASTER_URL=spark://" + master + ":7077",
                    "-e", "SPARK_WORKER_CORES=1", "-e", "SPARK_WORKER_MEMORY=512m", WORKER);
        }
        String hostPort = DockerEngine.docker("port", master, "8080/tcp").lines().findFirst().orElseThrow();

        JsonNode json = awaitAliveWorkers(URI.create("http://" + hostPort + "/json/"), 2, Duration.ofMinutes(2));

        assertThat(json.path("status").asText()).isEqualTo("ALIVE");
        assertThat(json.path("aliveworkers").asInt()).isEqualTo(2);
        long alive = 0;
        for (JsonNode worker : json.path("workers")) {
            if ("ALIVE".equals(worker.path("state").asText())) {
                alive++;
                assertThat(worker.path("cores").asInt()).isEqualTo(1);
                assertThat(worker.path("memory").asInt()).isEqualTo(512);
            }
        }
        assertThat(alive).isEqualTo(2);
    }

    @Test
    @Order(4)
    void sameImages_loadedIntoTheRealNode_runTheDeployment(Testbed testbed) throws Exception {
        String socket = System.getenv("LABCTL_TESTBED_CONTAINERD_SOCK");
        if (socket == null || !Files.exists(Path.of(socket))) {
            RequiredTools.unavailable("the test bed's real node is not running (LABCTL_TESTBED_CONTAINERD_SOCK)");
        }
        Path archive = home.resolve("images.tar");
        DockerEngine.docker("save", "-o", archive.toString(), MASTER, WORKER);
        DockerEngine.Result imported = DockerEngine.run(Duration.ofMinutes(5), "ctr", "--address", socket, "-n", "k8s.io",
                "images", "import", archive.toString());
        assertThat(imported.exit()).as(imported.output()).isZero();
        awaitNodeReports(testbed, MASTER, Duration.ofSeconds(90));
        String namespace = testbed.createNamespace("df-images");

        CliRun deploy = CliRun.run(env(), home, false, "--kubeconfig", testbed.kubeconfig().toString(), "-n", namespace,
                "spark", "deploy", "df", "--workers", "2", "--master-image", MASTER, "--worker-image", WORKER,
                "--timeout", "4m", "-o", "json");

        assertThat(deploy.status()).as(deploy.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(deploy.out());
        assertThat(result.at("/readiness/aliveWorkers").asInt()).isEqualTo(2);
        assertThat(testbed.client().pods().inNamespace(namespace).list().getItems())
                .allSatisfy(pod -> assertThat(pod.getSpec().getContainers().get(0).getImage()).isIn(MASTER, WORKER));
    }

    /** The kubelet lists newly imported images in the Node's status within about ten seconds. */
    private static void awaitNodeReports(Testbed testbed, String image, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            var node = testbed.client().nodes().withName("testbed-real").get();
            if (io.labctl.kube.NodeImages.hasImage(node, image)) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("testbed-real does not report " + image + " after " + timeout);
    }

    private static JsonNode awaitAliveWorkers(URI uri, int expected, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                last = new ObjectMapper().readTree(response.body());
                if (last.path("aliveworkers").asInt() >= expected) {
                    return last;
                }
            } catch (IOException notYet) {
                // the master is still starting
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the master did not report " + expected + " ALIVE workers in " + timeout + "; last: " + last);
    }
}
