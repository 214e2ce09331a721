package io.labctl.spark.nativemode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Pod;
import io.labctl.cli.CliRun;
import io.labctl.testbed.RequiredTools;
import io.labctl.testbed.Testbed;
import io.labctl.testbed.TestbedExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier: end to end (real API server, the real node's kubelet and containerd, real Spark driver and executor pods
 * created by Spark's own Kubernetes submission client). Native mode: SparkPi finishes and its executors are cleaned
 * up, apps status/kill work by submission id and glob, executors get labctl's virtual devices and discover their
 * ids, executors asking for nvidia.com/gpu land only on the GPU (fake) nodes, and bad input creates nothing.
 */
@Tag("integration")
@ExtendWith(TestbedExtension.class)
class NativeModeIT {
    static final String EXAMPLES = "local:///opt/spark/examples/jars/spark-examples.jar";
    static final String PI = "org.apache.spark.examples.JavaSparkPi";

    @BeforeAll
    static void installVirtualDevices(Testbed testbed) {
        CliRun install = testbed.labctl("device-plugin", "install", "--type", "virtual", "--count", "4");
        assertThat(install.status()).as(install.err()).isZero();
    }

    @AfterAll
    static void uninstallVirtualDevices(Testbed testbed) {
        testbed.labctl("device-plugin", "uninstall", "--type", "virtual");
    }

    @Test
    void sparkPi_finishes_executorsAreCleanedUp_andAppsStatusReportsIt(Testbed testbed) throws Exception {
        String ns = testbed.namespaceName("native");

        CliRun submit = testbed.labctl("-n", ns, "spark", "submit", "--native", "--class", PI, EXAMPLES, "20", "-o", "json");

        assertThat(submit.status()).as(submit.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(submit.out());
        assertThat(result.path("phase").asText()).isEqualTo("Succeeded");
        assertThat(result.path("result").asText()).startsWith("Pi is roughly 3.1");
        assertThat(result.path("executorsLeft").asInt()).isZero();
        assertThat(result.path("submissionId").asText()).isEqualTo(ns + ":spark-pi-driver");
        assertThat(submit.err()).contains("INFO Client: Deployed Spark application spark-pi");
        Pod driver = testbed.client().pods().inNamespace(ns).withName("spark-pi-driver").get();
        assertThat(driver.getStatus().getPhase()).isEqualTo("Succeeded");
        assertThat(driver.getSpec().getServiceAccountName()).isEqualTo("labctl-spark");
        assertThat(testbed.client().pods().inNamespace(ns).withLabel("spark-role", "executor").list().getItems()).isEmpty();
        assertThat(testbed.client().pods().inNamespace(ns).withName("spark-pi-submit").get()).isNull();

        CliRun status = testbed.labctl("spark", "apps", "status", ns + ":spark-pi-*");
        assertThat(status.status()).as(status.err()).isZero();
        assertThat(status.out()).containsPattern(ns + ":spark-pi-driver\\s+spark-pi\\s+Succeeded\\s+0");
        CliRun logs = testbed.labctl("spark", "apps", "logs", ns + ":spark-pi-driver");
        assertThat(logs.out()).contains("Pi is roughly 3.1");
    }

    @Test
    void appsKill_withAGlob_stopsARunningApplication(Testbed testbed) throws Exception {
        String ns = testbed.namespaceName("native");
        CliRun submit = testbed.labctl("-n", ns, "spark", "submit", "--native", "--name", "spark-pi-long", "--no-follow",
                "--executors", "1", "--class", PI, EXAMPLES, "100000");
        assertThat(submit.status()).as(submit.err()).isZero();
        testbed.client().pods().inNamespace(ns).withLabel("spark-role", "executor")
                .informOnCondition(pods -> !pods.isEmpty()).get(2, TimeUnit.MINUTES);

        CliRun kill = testbed.labctl("spark", "apps", "kill", ns + ":spark-pi-*");

        assertThat(kill.status()).as(kill.err()).isZero();
        assertThat(kill.out()).isEqualTo("Killed 1 application(s): " + ns + ":spark-pi-long-driver\n");
        assertThat(testbed.client().pods().inNamespace(ns).withName("spark-pi-long-driver").get()).isNull();
        testbed.client().pods().inNamespace(ns).withLabel("spark-role", "executor")
                .informOnCondition(List::isEmpty).get(2, TimeUnit.MINUTES);
        assertThat(testbed.labctl("spark", "apps", "kill", ns + ":spark-pi-*").status()).isEqualTo(3);
    }

    @Test
    void virtualDevicePerExecutor_executorsGetAndDiscoverTheirDeviceIds(Testbed testbed) throws Exception {
        String ns = testbed.namespaceName("native");

        CliRun submit = testbed.labctl("-n", ns, "spark", "submit", "--native", "--name", "vgpu-pi", "--executors", "2",
                "--gpus", "1", "--gpu-vendor", "labctl.io/vgpu", "--conf", "spark.kubernetes.executor.deleteOnTermination=false",
                "--class", PI, EXAMPLES, "10");

        assertThat(submit.status()).as(submit.err()).isZero();
        List<Pod> executors = testbed.client().pods().inNamespace(ns).withLabel("spark-role", "executor").list().getItems();
        assertThat(executors).hasSize(2).allSatisfy(executor -> {
            assertThat(executor.getSpec().getContainers().get(0).getResources().getLimits().get("labctl.io/vgpu").getAmount()).isEqualTo("1");
            assertThat(executor.getSpec().getNodeName()).isEqualTo("testbed-real");
            String log = testbed.client().pods().inNamespace(ns).withName(executor.getMetadata().getName()).getLog();
            assertThat(log).containsPattern("vgpu -> \\[name: vgpu, addresses: vgpu-[0-3]\\]");
        });
    }

    @Test
    void nvidiaGpuExecutors_areScheduledOnlyOntoTheGpuNodes(Testbed testbed) throws Exception {
        String ns = testbed.namespaceName("native");

        // The GPU nodes are kwok's fake nodes: tainted, so the executors must tolerate that; they never really run.
        CliRun submit = testbed.labctl("-n", ns, "spark", "submit", "--native", "--name", "gpu-pi", "--no-follow",
                "--executors", "3", "--gpus", "1", "--gpu-vendor", "nvidia.com", "--executor-toleration", "kwok.x-k8s.io/node:NoSchedule",
                "--class", PI, EXAMPLES, "10");
        assertThat(submit.status()).as(submit.err()).isZero();
        List<Pod> executors = testbed.client().pods().inNamespace(ns).withLabel("spark-role", "executor")
                .informOnCondition(pods -> pods.size() == 3 && pods.stream().allMatch(p -> p.getSpec().getNodeName() != null))
                .get(2, TimeUnit.MINUTES);

        assertThat(executors).extracting(p -> p.getSpec().getNodeName()).allMatch(n -> n.equals("testbed-fake-0") || n.equals("testbed-fake-1"));
        assertThat(executors).allSatisfy(p -> assertThat(p.getSpec().getContainers().get(0).getResources().getLimits())
                .containsKey("nvidia.com/gpu"));
        assertThat(testbed.client().pods().inNamespace(ns).withName("gpu-pi-driver").get().getSpec().getNodeName()).isEqualTo("testbed-real");
        assertThat(testbed.labctl("spark", "apps", "kill", ns + ":gpu-pi-driver").status()).isZero();
    }

    @Test
    void submitFromHost_withALocalSparkSubmit_runsTheSameApplication(Testbed testbed, @TempDir Path dir) throws Exception {
        String dist = System.getenv("LABCTL_TESTBED_DIST");
        if (dist == null || !Files.exists(Path.of(dist, "spark-3.5.7-bin-hadoop3.tgz"))) {
            RequiredTools.unavailable("no Spark distribution to put on the host (LABCTL_TESTBED_DIST, made by testbed/images)");
        }
        Process untar = new ProcessBuilder("tar", "-xzf", Path.of(dist, "spark-3.5.7-bin-hadoop3.tgz").toString(), "-C", dir.toString())
                .inheritIO().start();
        assertThat(untar.waitFor()).isZero();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PATH", dir.resolve("spark-3.5.7-bin-hadoop3/bin") + ":" + env.get("PATH"));
        env.remove("SPARK_HOME");
        String ns = testbed.namespaceName("native");

        List<String> args = new ArrayList<>(List.of("--kubeconfig", testbed.kubeconfig().toString(), "-n", ns, "spark", "submit",
                "--native", "--name", "host-pi", "--submit-from", "host", "--class", PI, EXAMPLES, "10", "-o", "json"));
        CliRun submit = CliRun.run(env, dir, false, args.toArray(String[]::new));

        assertThat(submit.status()).as(submit.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(submit.out());
        assertThat(result.path("submittedFrom").asText()).isEqualTo("host");
        assertThat(result.path("phase").asText()).isEqualTo("Succeeded");
        assertThat(result.path("result").asText()).startsWith("Pi is roughly 3.1");
    }

    @Test
    void viewOnlyIdentity_isRefusedBeforeAnyWrite(Testbed testbed, @TempDir Path dir) throws Exception {
        String ns = testbed.createNamespace("native-rbac");
        Path viewer = testbed.viewOnlyKubeconfig(ns, dir);

        CliRun submit = CliRun.run(Map.of(), dir, false, "--kubeconfig", viewer.toString(), "-n", ns, "spark", "submit",
                "--native", "--class", PI, EXAMPLES);

        assertThat(submit.status()).isEqualTo(5);
        assertThat(submit.err()).contains("error: not allowed to create pods in namespace " + ns)
                .contains("which submitting a native Spark application needs; nothing was changed");
        assertThat(testbed.client().serviceAccounts().inNamespace(ns).withName("labctl-spark").get()).isNull();
        assertThat(testbed.client().pods().inNamespace(ns).list().getItems()).isEmpty();
    }

    @Test
    void badInput_failsBeforeAnythingIsCreated(Testbed testbed) {
        String ns = testbed.namespaceName("native");

        CliRun unknownVendor = testbed.labctl("-n", ns, "spark", "submit", "--native", "--gpus", "1", "--gpu-vendor",
                "example.org/fpga", "--class", PI, EXAMPLES);
        CliRun tooMany = testbed.labctl("-n", ns, "spark", "submit", "--native", "--gpus", "9", "--gpu-vendor",
                "labctl.io/vgpu", "--class", PI, EXAMPLES);
        CliRun hostFile = testbed.labctl("-n", ns, "spark", "submit", "--native", "--class", PI, "/home/me/app.jar");
        CliRun noClass = testbed.labctl("-n", ns, "spark", "submit", "--native", EXAMPLES);
        CliRun vendorOnly = testbed.labctl("-n", ns, "spark", "submit", "--native", "--gpus", "1", "--class", PI, EXAMPLES);
        CliRun badId = testbed.labctl("spark", "apps", "status", "Not_A:ns");

        assertThat(unknownVendor.status()).isEqualTo(7);
        assertThat(unknownVendor.err()).contains("no node advertises any example.org/ resource (unknown vendor domain); nothing was created");
        assertThat(tooMany.status()).isEqualTo(7);
        assertThat(tooMany.err()).contains("--gpus 9 per executor, but no node has more than 4 labctl.io/vgpu");
        assertThat(hostFile.status()).isEqualTo(2);
        assertThat(hostFile.err()).contains("native mode runs files that are inside the image");
        assertThat(noClass.status()).isEqualTo(2);
        assertThat(vendorOnly.status()).isEqualTo(2);
        assertThat(badId.status()).isEqualTo(2);
        assertThat(testbed.client().namespaces().withName(ns).get()).as("namespace created by a refused submit").isNull();
    }
}
