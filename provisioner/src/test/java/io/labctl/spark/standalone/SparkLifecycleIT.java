package io.labctl.spark.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.labctl.cli.CliRun;
import io.labctl.core.Progress;
import io.labctl.testbed.HostPyspark;
import io.labctl.testbed.JsonSubset;
import io.labctl.testbed.Testbed;
import io.labctl.testbed.TestbedTest;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tier: end to end (real API server, real kubelet, real Spark processes from the test bed's images).
 * One cluster through its whole life, in order: deploy, re-deploy, scale, jobs, master restart,
 * scale down, teardown (twice).
 */
@TestbedTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkLifecycleIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAME = "life";

    private Testbed testbed;
    private KubernetesClient client;
    private String ns;

    @BeforeAll
    void setUp(Testbed testbed) {
        this.testbed = testbed;
        this.client = testbed.client();
        this.ns = testbed.namespaceName("it-life"); // labctl creates it, and removes it on teardown
    }

    private JsonNode ok(CliRun run) throws IOException {
        assertThat(run.status()).as("labctl failed:\n" + run.err()).isZero();
        return JSON.readTree(run.out());
    }

    private int aliveWorkers() {
        return new SparkMasterClient(client).status(ns, NAME).orElseThrow().aliveWorkerCount();
    }

    @Test
    @Order(10)
    void deploy_twoWorkers_masterReportsTwoAlive() throws IOException {
        JsonNode result = ok(testbed.labctl("spark", "deploy", NAME, "-n", ns, "--workers", "2", "-o", "json"));
        assertThat(result.path("createdNamespace").asBoolean()).isTrue();
        assertThat(result.path("readiness").path("aliveWorkers").asInt()).isEqualTo(2);
        assertThat(aliveWorkers()).isEqualTo(2);
        assertThat(result.path("endpoints").path("inCluster").asText()).isEqualTo("spark://life-master-svc." + ns + ".svc:7077");
        JsonNode fromHost = result.path("endpoints").path("fromHost");
        // The master runs on the real node, so its address comes first; the fake nodes all report one address.
        String first = fromHost.get(0).asText();
        assertThat(first).matches("spark://10\\.77\\.0\\.1:3[0-9]{4}");
        List<String> urls = new ArrayList<>();
        fromHost.forEach(u -> urls.add(u.asText()));
        assertThat(urls).doesNotHaveDuplicates();
        // What labctl prints must work: the NodePort answers from this host (kube-proxy routes it to the master).
        int port = Integer.parseInt(first.substring(first.lastIndexOf(':') + 1));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("10.77.0.1", port), 5_000);
            assertThat(socket.isConnected()).isTrue();
        }
    }

    @Test
    @Order(20)
    void dryRun_printsExactlyWhatIsLive() throws IOException {
        CliRun dry = testbed.labctl("spark", "deploy", NAME, "-n", ns, "--workers", "2", "--dry-run", "-o", "yaml");
        assertThat(dry.status()).isZero();
        List<HasMetadata> printed = new KubernetesSerialization().unmarshal(dry.out());
        assertThat(printed).hasSize(3);
        for (HasMetadata object : printed) {
            GenericKubernetesResource live = client.genericKubernetesResources(object.getApiVersion(), object.getKind())
                    .inNamespace(ns).withName(object.getMetadata().getName()).get();
            assertThat(JsonSubset.differences(object, live)).as(object.getKind() + " " + object.getMetadata().getName())
                    .isEmpty();
        }
    }

    @Test
    @Order(30)
    void deployAgain_changesNothing() throws IOException {
        Map<String, String> before = resourceVersions();
        JsonNode result = ok(testbed.labctl("spark", "deploy", NAME, "-n", ns, "--workers", "2", "-o", "json"));
        assertThat(result.path("objects")).extracting(o -> o.path("outcome").asText())
                .containsExactly("unchanged", "unchanged", "unchanged");
        assertThat(resourceVersions()).isEqualTo(before);
    }

    @Test
    @Order(40)
    void scale_toThree_waitsForThreeAliveWorkers_andTeachesKubectl() {
        CliRun run = testbed.labctl("spark", "scale", NAME, "-n", ns, "--workers", "3");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("ready: master ALIVE with 3 ALIVE workers")
                .contains("kubectl scale -n " + ns + " deployment/life-worker --replicas=3");
        assertThat(aliveWorkers()).isEqualTo(3);
    }

    @Test
    @Order(50)
    void runPi_finishesWithPiNearThreePointOneFour_andTheAppFinished() throws IOException {
        JsonNode result = ok(testbed.labctl("spark", "run", NAME, "pi", "-n", ns, "-o", "json"));
        assertThat(result.path("piEstimate").asDouble()).isCloseTo(3.14159, within(0.05));
        assertThat(result.path("appState").asText()).isEqualTo("FINISHED");
        String appId = result.path("appId").asText();
        MasterStatus master = new SparkMasterClient(client).status(ns, NAME).orElseThrow();
        assertThat(master.app(appId)).get().extracting(MasterStatus.App::state).isEqualTo("FINISHED");
        assertThat(client.pods().inNamespace(ns).withLabels(SparkLabels.component(NAME, SparkLabels.JOB)).list().getItems())
                .as("the job pod is removed afterwards").isEmpty();
    }

    @Test
    @Order(60)
    void runPySpark_fromAHostFile_withAShuffleAcrossExecutors(@TempDir Path dir) throws IOException {
        Path app = Files.writeString(dir.resolve("wordcount.py"), """
                from pyspark.sql import SparkSession
                spark = SparkSession.builder.getOrCreate()
                lines = spark.sparkContext.parallelize(["a b a", "b a c", "c a"], 3)
                counts = lines.flatMap(lambda l: l.split()).map(lambda w: (w, 1)).reduceByKey(lambda x, y: x + y)
                print("COUNTS", sorted(counts.collect()))
                spark.stop()
                """);
        CliRun run = testbed.labctl("spark", "run", NAME, "-n", ns, "--py", app.toString(), "-o", "json");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).contains("COUNTS [('a', 4), ('b', 2), ('c', 2)]");
        assertThat(JSON.readTree(run.out()).path("appState").asText()).isEqualTo("FINISHED");
    }

    /** A Python driver on this machine (pip's pyspark), its executors in the worker pods: exercise 3 as written. */
    private static final String HOST_JOB = """
            import socket, sys
            from pyspark.sql import SparkSession
            spark = SparkSession.builder.appName("host-driver").getOrCreate()
            sc = spark.sparkContext
            words = sc.parallelize(["a b a", "c a b", "c a"], 3).flatMap(lambda l: l.split())
            counts = sorted(words.map(lambda w: (w, 1)).reduceByKey(lambda a, b: a + b).collect())
            inside = sc.parallelize(range(100000), 4).filter(lambda i: (((i * 7919) % 1000) / 1000.0) ** 2
                                                              + (((i * 104729) % 1000) / 1000.0) ** 2 <= 1).count()
            executors = sorted(set(sc.parallelize(range(12), 6).map(lambda _: socket.gethostname()).collect()))
            with open(sys.argv[1], "w") as out:
                out.write("COUNTS %s\\nPI %.2f\\nEXECUTORS %s\\nDRIVER %s\\n"
                          % (counts, 4.0 * inside / 100000, ",".join(executors), socket.gethostname()))
            spark.stop()
            """;

    @Test
    @Order(65)
    void hostDriver_wordCountAndPi_runOnTheWorkerPods_withTheDriverHere(@TempDir Path dir) throws IOException {
        HostPyspark.require();
        Path job = Files.writeString(dir.resolve("job.py"), HOST_JOB);
        Path result = dir.resolve("result.txt");

        JsonNode run = ok(testbed.labctlInUserShell("spark", "connect", NAME, "-n", ns, "-o", "json", "--",
                "python3", job.toString(), result.toString()));

        assertThat(run.path("exitCode").asInt()).isZero();
        assertThat(run.path("driverHost").asText()).isEqualTo(Testbed.POD_GATEWAY);
        assertThat(run.path("masterUrl").asText()).startsWith("spark://" + Testbed.HOST_IP + ":");
        Map<String, String> lines = Files.readAllLines(result).stream()
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf(' ')), l -> l.substring(l.indexOf(' ') + 1)));
        assertThat(lines.get("COUNTS")).isEqualTo("[('a', 4), ('b', 2), ('c', 2)]");
        assertThat(Double.parseDouble(lines.get("PI"))).isCloseTo(3.14, within(0.05));
        assertThat(lines.get("EXECUTORS").split(",")).allMatch(h -> h.startsWith(NAME + "-worker-"));
        assertThat(lines.get("DRIVER")).doesNotStartWith(NAME + "-");
        assertThat(client.pods().inNamespace(ns).withLabel(SparkLabels.COMPONENT, "reach-probe").list().getItems())
                .as("the probe pod is gone").isEmpty();
    }

    @Test
    @Order(66)
    void hostDriver_printEnv_runsAJobFromTheUsersOwnShell(@TempDir Path dir) throws Exception {
        HostPyspark.require();
        Path job = Files.writeString(dir.resolve("job.py"), HOST_JOB);
        Path result = dir.resolve("result.txt");
        CliRun env = testbed.labctlInUserShell("spark", "connect", NAME, "-n", ns, "--print-env");
        assertThat(env.status()).as(env.err()).isZero();

        // what `eval "$(labctl spark connect NAME --print-env)"; python3 job.py` does in a student's shell
        Process shell = new ProcessBuilder("bash", "-c", env.out() + "python3 \"$0\" \"$1\"", job.toString(), result.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("shell.log").toFile()).start();
        assertThat(shell.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(shell.exitValue()).as(Files.readString(dir.resolve("shell.log"))).isZero();
        assertThat(Files.readString(result)).contains("COUNTS [('a', 4), ('b', 2), ('c', 2)]");
    }

    @Test
    @Order(67)
    void hostDriver_badSetups_areRefusedInOneLineBeforeTheJob(@TempDir Path dir) throws IOException {
        HostPyspark.require();
        // an address the pods cannot reach: the probe says so, and points to the in-cluster way
        CliRun unreachable = testbed.labctlInUserShell("spark", "connect", NAME, "-n", ns, "--driver-host", "192.0.2.99",
                "--", "python3", "job.py");
        assertThat(unreachable.status()).isEqualTo(7);
        assertThat(unreachable.err()).contains("error: the worker pods of " + NAME + " cannot reach this machine at"
                + " 192.0.2.99 (port 29170)").contains("hint: run the job inside the cluster instead: labctl spark run "
                + NAME + " --py FILE");
        // another pyspark here than the cluster's Spark (a stand-in python that reports pyspark 3.4.1)
        Path oldPyspark = Files.writeString(dir.resolve("python-old"), "#!/bin/sh\necho '3.11 3.4.1'\n");
        oldPyspark.toFile().setExecutable(true);
        CliRun mismatch = testbed.labctlInUserShell("spark", "connect", NAME, "-n", ns, "--python", oldPyspark.toString(),
                "--", "python3", "job.py");
        assertThat(mismatch.status()).isEqualTo(7);
        assertThat(mismatch.err()).contains("error: pyspark 3.4.1 here, Spark 3.5.7 in the cluster")
                .contains("hint: pip install pyspark==3.5.7");
        // the driver's port taken by another program
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            CliRun busy = testbed.labctlInUserShell("spark", "connect", NAME, "-n", ns, "--driver-port",
                    String.valueOf(taken.getLocalPort()));
            assertThat(busy.status()).isEqualTo(2);
            assertThat(busy.err()).contains("is already in use on this machine");
        }
        assertThat(client.pods().inNamespace(ns).withLabel(SparkLabels.COMPONENT, "reach-probe").list().getItems())
                .as("no probe pod left behind").isEmpty();
    }

    @Test
    @Order(70)
    void masterPodDeleted_comesBack_andTheWorkersRegisterAgain() {
        Pod old = new SparkMasterClient(client).currentMasterPod(ns, NAME).orElseThrow();
        client.resource(old).delete();
        client.pods().inNamespace(ns).withLabels(SparkLabels.component(NAME, SparkLabels.MASTER))
                .informOnCondition(pods -> pods.stream().anyMatch(p -> !p.getMetadata().getUid().equals(old.getMetadata().getUid())))
                .orTimeout(60, TimeUnit.SECONDS).join();
        Readiness readiness = new ClusterWaiter(client, Progress.SILENT)
                .await(ns, NAME, 3, WaitMode.spark, Duration.ofMinutes(4)).readiness();
        assertThat(readiness.aliveWorkers()).isEqualTo(3);
        Pod current = new SparkMasterClient(client).currentMasterPod(ns, NAME).orElseThrow();
        assertThat(current.getMetadata().getUid()).isNotEqualTo(old.getMetadata().getUid());
    }

    @Test
    @Order(80)
    void scale_downToOne_leavesExactlyOneAlive() throws IOException {
        JsonNode result = ok(testbed.labctl("spark", "scale", NAME, "-n", ns, "--workers", "1", "-o", "json"));
        assertThat(result.path("readiness").path("aliveWorkers").asInt()).isEqualTo(1);
        assertThat(aliveWorkers()).isEqualTo(1);
    }

    /** What teardown --dry-run said it would delete; the real teardown must delete exactly that. */
    private JsonNode predictedTeardown;

    @Test
    @Order(85)
    void dryRuns_ofScaleAndTeardown_changeNothing_andListNamesIt() throws IOException {
        Map<String, String> before = resourceVersions();

        CliRun scale = testbed.labctl("spark", "scale", NAME, "-n", ns, "--workers", "4", "--dry-run");
        predictedTeardown = ok(testbed.labctl("spark", "teardown", NAME, "-n", ns, "--dry-run", "-o", "json")).get(0);
        CliRun names = testbed.labctl("spark", "list", "-n", ns, "-o", "name");

        assertThat(scale.status()).as(scale.err()).isZero();
        assertThat(scale.err()).contains("would go from 1 to 4 workers; nothing was changed");
        assertThat(predictedTeardown.path("namespaceDeleted").asBoolean()).isTrue();
        assertThat(names.out()).isEqualTo(NAME + "\n");
        assertThat(resourceVersions()).as("dry runs wrote nothing").isEqualTo(before);
        assertThat(aliveWorkers()).isEqualTo(1);
    }

    @Test
    @Order(90)
    void teardown_removesEverythingAndTheNamespace_andTwiceIsFine() throws IOException {
        JsonNode first = ok(testbed.labctl("spark", "teardown", NAME, "-n", ns, "-o", "json")).get(0);
        if (predictedTeardown != null) {
            assertThat(first.path("deleted")).as("what --dry-run predicted").isEqualTo(predictedTeardown.path("deleted"));
        }
        assertThat(first.path("deleted")).extracting(JsonNode::asText)
                .contains("deployment/life-master", "deployment/life-worker", "service/life-master-svc");
        assertThat(first.path("namespaceDeleted").asBoolean()).isTrue();
        assertThat(client.namespaces().withName(ns).get()).isNull();

        JsonNode second = ok(testbed.labctl("spark", "teardown", NAME, "-n", ns, "-o", "json")).get(0);
        assertThat(second.path("deleted")).isEmpty();
    }

    private Map<String, String> resourceVersions() {
        return java.util.stream.Stream.<HasMetadata>of(
                        client.services().inNamespace(ns).withName("life-master-svc").get(),
                        client.apps().deployments().inNamespace(ns).withName("life-master").get(),
                        client.apps().deployments().inNamespace(ns).withName("life-worker").get())
                .collect(Collectors.toMap(o -> o.getMetadata().getName(), o -> o.getMetadata().getResourceVersion()));
    }
}
