package io.labctl.deviceplugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.labctl.cli.CliRun;
import io.labctl.testbed.RequiredTools;
import io.labctl.testbed.Testbed;
import io.labctl.testbed.TestbedExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier: real kubelet (the test bed's real node). labctl's Java device plugin, installed by `labctl device-plugin
 * install`, registers with the real kubelet (the Node's capacity shows the devices), a pod asking for one gets the
 * Allocate environment, a pod asking for more than any node has stays Pending with the scheduler's reason, and after
 * a kubelet restart (which wipes the socket directory) the plugin registers again and allocation works again.
 */
@Tag("integration")
@ExtendWith(TestbedExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevicePluginIT {
    static final String RESOURCE = "labctl.io/vgpu";
    static final String NODE = "testbed-real";

    @AfterAll
    static void uninstall(Testbed testbed) {
        testbed.labctl("device-plugin", "uninstall", "--type", "virtual");
    }

    @Test
    @Order(1)
    void install_registersWithTheRealKubelet_andTheNodeAdvertisesTheDevices(Testbed testbed) throws Exception {
        CliRun install = testbed.labctl("device-plugin", "install", "--type", "virtual", "--count", "4", "-o", "json");

        assertThat(install.status()).as(install.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(install.out());
        assertThat(result.path("resource").asText()).isEqualTo(RESOURCE);
        assertThat(capacity(testbed, NODE)).isEqualTo(4);
        // the fake (kwok) nodes are tainted: the DaemonSet does not run there, so they advertise no vgpu
        assertThat(capacity(testbed, "testbed-fake-0")).isZero();
        CliRun again = testbed.labctl("device-plugin", "install", "--type", "virtual", "--count", "4");
        assertThat(again.status()).as(again.err()).isZero();
    }

    @Test
    @Order(2)
    void podRequestingOneDevice_getsItsIdFromAllocate(Testbed testbed) {
        String namespace = testbed.createNamespace("vgpu");

        Pod pod = runToCompletion(testbed, namespace, "one", 1);

        assertThat(pod.getStatus().getPhase()).isEqualTo("Succeeded");
        assertThat(pod.getSpec().getNodeName()).isEqualTo(NODE);
        String log = testbed.client().pods().inNamespace(namespace).withName("one").getLog();
        assertThat(log).containsPattern("DEVICES=vgpu-[0-3] RESOURCE=labctl.io/vgpu");
    }

    @Test
    @Order(3)
    void podRequestingMoreThanAnyNodeHas_staysPendingWithTheSchedulersReason(Testbed testbed) {
        String namespace = testbed.createNamespace("vgpu");
        testbed.client().pods().inNamespace(namespace).resource(pod("five", 5)).create();

        Pod pending = testbed.client().pods().inNamespace(namespace).withName("five").waitUntilCondition(
                p -> p.getStatus() != null && p.getStatus().getConditions() != null && p.getStatus().getConditions().stream()
                        .anyMatch(c -> "PodScheduled".equals(c.getType()) && "False".equals(c.getStatus())),
                60, TimeUnit.SECONDS);

        assertThat(pending.getStatus().getConditions()).anySatisfy(c -> assertThat(c.getMessage()).contains("Insufficient " + RESOURCE));
    }

    @Test
    @Order(4)
    void kubeletRestart_thePluginRegistersAgain_andAllocationStillWorks(Testbed testbed) throws Exception {
        Path restart = Path.of("..", "testbed", "kubelet-restart").toAbsolutePath().normalize();
        if (!Files.isExecutable(restart) || !"root".equals(System.getProperty("user.name"))) {
            RequiredTools.unavailable("restarting the test bed's kubelet needs root and " + restart);
        }
        List<String> pluginPods = pluginPodNames(testbed);

        Process process = new ProcessBuilder(restart.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();

        // The kubelet wiped its socket directory and restored the old capacity from its checkpoint: the devices are
        // usable again only once the plugin registered anew, which its log says (a second "registered").
        awaitLogCount(testbed, pluginPods.get(0), "registered with the kubelet", 2, Duration.ofSeconds(60));
        testbed.client().nodes().withName(NODE).waitUntilCondition(n -> allocatable(n) == 4, 90, TimeUnit.SECONDS);
        String namespace = testbed.createNamespace("vgpu");
        Pod pod = runToCompletion(testbed, namespace, "after-restart", 2);
        assertThat(pod.getStatus().getPhase()).as("%s", pod.getStatus()).isEqualTo("Succeeded");
        assertThat(testbed.client().pods().inNamespace(namespace).withName("after-restart").getLog())
                .containsPattern("DEVICES=vgpu-[0-3],vgpu-[0-3] ");
        // the same plugin process re-registered (no pod restart was needed)
        assertThat(pluginPodNames(testbed)).isEqualTo(pluginPods);
        String pluginLog = testbed.client().pods().inNamespace("kube-system").withName(pluginPods.get(0)).getLog();
        assertThat(pluginLog).contains("the kubelet restarted");
        // registered exactly twice: once at start, once after the restart (no re-registration loop)
        assertThat(pluginLog.split("registered with the kubelet", -1).length - 1).as(pluginLog).isEqualTo(2);
    }

    @Test
    @Order(5)
    void status_reportsCapacityAllocatableAndThePluginPod(Testbed testbed) throws Exception {
        CliRun status = testbed.labctl("device-plugin", "status", "-o", "json");

        assertThat(status.status()).as(status.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(status.out());
        JsonNode real = null;
        for (JsonNode node : json.path("nodes")) {
            if (NODE.equals(node.path("node").asText())) {
                real = node;
            }
        }
        assertThat(real).isNotNull();
        assertThat(real.at("/capacity/labctl.io~1vgpu").asInt()).isEqualTo(4);
        assertThat(json.path("pluginPods").get(0).asText()).startsWith("kube-system/labctl-device-plugin-").endsWith("on testbed-real: Running");
    }

    @Test
    @Order(6)
    void badInput_isRefusedBeforeAnyChange(Testbed testbed) {
        CliRun reserved = testbed.labctl("device-plugin", "install", "--type", "virtual", "--resource", "kubernetes.io/vgpu");
        CliRun noDomain = testbed.labctl("device-plugin", "install", "--type", "virtual", "--resource", "vgpu");
        CliRun zero = testbed.labctl("device-plugin", "install", "--type", "virtual", "--count", "0");
        CliRun nvidiaCount = testbed.labctl("device-plugin", "install", "--type", "nvidia", "--count", "2");
        CliRun missingImage = testbed.labctl("device-plugin", "install", "--type", "virtual", "--image", "labctl/device-plugin:9.9.9");

        assertThat(List.of(reserved.status(), noDomain.status(), zero.status(), nvidiaCount.status())).containsOnly(2);
        assertThat(reserved.err()).contains("uses a domain Kubernetes reserves for itself");
        assertThat(zero.err()).contains("--count 0 is out of range (1..64 devices per node)");
        assertThat(missingImage.status()).isEqualTo(7);
        assertThat(missingImage.err()).contains("image labctl/device-plugin:9.9.9 is not on node(s) testbed-real; nothing was changed");
        assertThat(testbed.client().apps().daemonSets().inNamespace("kube-system").withName("labctl-device-plugin").get()
                .getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("labctl/device-plugin:0.1.0");
    }

    @Test
    @Order(6)
    void viewOnlyIdentity_isRefusedBeforeAnyWrite(Testbed testbed, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String ns = testbed.createNamespace("dp-rbac");
        Path viewer = testbed.viewOnlyKubeconfig(ns, dir);

        CliRun install = CliRun.run(Map.of(), dir, false, "--kubeconfig", viewer.toString(), "-n", ns, "device-plugin",
                "install", "--type", "virtual");

        assertThat(install.status()).isEqualTo(5);
        assertThat(install.err()).contains("error: not allowed to patch daemonsets in namespace " + ns)
                .contains("which installing a device plugin needs; nothing was changed");
        assertThat(testbed.client().apps().daemonSets().inNamespace(ns).list().getItems()).isEmpty();
    }

    @Test
    @Order(7)
    void uninstall_theNodeStopsOfferingTheDevices(Testbed testbed) {
        CliRun uninstall = testbed.labctl("device-plugin", "uninstall", "--type", "virtual");
        CliRun twice = testbed.labctl("device-plugin", "uninstall", "--type", "virtual");

        assertThat(uninstall.status()).isZero();
        assertThat(twice.status()).isZero();
        assertThat(twice.out()).startsWith("Not installed:");
        testbed.client().nodes().withName(NODE).waitUntilCondition(n -> allocatable(n) == 0, 90, TimeUnit.SECONDS);
    }

    private static void awaitLogCount(Testbed testbed, String pod, String line, int count, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String log = "";
        while (System.nanoTime() < deadline) {
            try {
                log = testbed.client().pods().inNamespace("kube-system").withName(pod).getLog();
            } catch (io.fabric8.kubernetes.client.KubernetesClientException kubeletNotServingYet) {
                log = "";
            }
            if (log.split(java.util.regex.Pattern.quote(line), -1).length - 1 >= count) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the plugin's log does not say '" + line + "' " + count + " times within " + timeout + ":\n" + log);
    }

    private static List<String> pluginPodNames(Testbed testbed) {
        return testbed.client().pods().inNamespace("kube-system").withLabel("app.kubernetes.io/instance", "labctl-device-plugin")
                .list().getItems().stream().map(p -> p.getMetadata().getName()).sorted().toList();
    }

    private static Pod pod(String name, int devices) {
        return new PodBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withRestartPolicy("Never").withTerminationGracePeriodSeconds(1L).withEnableServiceLinks(false)
                .addNewContainer().withName("main").withImage("labctl/busybox:1.35").withImagePullPolicy("IfNotPresent")
                .withCommand("sh", "-c", "echo DEVICES=$LABCTL_VISIBLE_DEVICES RESOURCE=$LABCTL_DEVICE_RESOURCE")
                .withNewResources().withLimits(Map.of(RESOURCE, new Quantity(String.valueOf(devices)))).endResources()
                .endContainer().endSpec().build();
    }

    private static Pod runToCompletion(Testbed testbed, String namespace, String name, int devices) {
        testbed.client().pods().inNamespace(namespace).resource(pod(name, devices)).create();
        return testbed.client().pods().inNamespace(namespace).withName(name).waitUntilCondition(
                p -> p.getStatus() != null && ("Succeeded".equals(p.getStatus().getPhase()) || "Failed".equals(p.getStatus().getPhase())),
                Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS);
    }

    private static long capacity(Testbed testbed, String node) {
        return NodeDevices.of(testbed.client().nodes().withName(node).get()).capacityOf(RESOURCE);
    }

    private static long allocatable(Node node) {
        return NodeDevices.of(node).allocatable().getOrDefault(RESOURCE, 0L);
    }
}
