package io.labctl.testbed;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier: real API server + real kubelet. What the test bed promises (testbed/CONTRACT.md): the real
 * node and the fake nodes are Ready, fake nodes run Deployments, the real node has cluster DNS and
 * Services, and GPU requests land only on the fake GPU nodes.
 */
@TestbedTest
class TestbedIT {
    static final String REAL_NODE = "testbed-real";
    static final String BUSYBOX = "labctl/busybox:1.35";
    static final Toleration FAKE_TOLERATION = new TolerationBuilder().withKey("kwok.x-k8s.io/node").withOperator("Exists")
            .withEffect("NoSchedule").build();

    @Test
    void nodes_realAndFake_areAllReady(Testbed testbed) {
        List<Node> nodes = testbed.client().nodes().list().getItems();
        assertThat(nodes).extracting(n -> n.getMetadata().getName()).contains(REAL_NODE)
                .filteredOn(n -> n.startsWith("testbed-fake-")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(nodes).allSatisfy(n -> assertThat(n.getStatus().getConditions())
                .anySatisfy(c -> assertThat(c.getType() + "=" + c.getStatus()).isEqualTo("Ready=True")));
    }

    @Test
    void threeReplicaDeployment_onFakeNodes_runsThreePods(Testbed testbed) {
        KubernetesClient client = testbed.client();
        String ns = testbed.createNamespace("it-fake");
        Map<String, String> labels = Map.of("app", "pause");
        client.resource(new DeploymentBuilder().withNewMetadata().withName("pause").withNamespace(ns).endMetadata()
                .withNewSpec().withReplicas(3).withNewSelector().withMatchLabels(labels).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata().withNewSpec()
                .withNodeSelector(Map.of("type", "kwok")).withTolerations(FAKE_TOLERATION)
                .addNewContainer().withName("pause").withImage("labctl/pause:3.10").endContainer()
                .endSpec().endTemplate().endSpec().build()).create();
        List<Pod> pods = client.pods().inNamespace(ns).withLabels(labels).informOnCondition(list -> list.size() == 3
                        && list.stream().allMatch(p -> "Running".equals(p.getStatus().getPhase())))
                .orTimeout(120, TimeUnit.SECONDS).join();
        assertThat(pods).extracting(p -> p.getSpec().getNodeName()).allMatch(n -> n.startsWith("testbed-fake-"));
    }

    @Test
    void podOnTheRealNode_reachesAServiceByDnsName(Testbed testbed) {
        KubernetesClient client = testbed.client();
        String ns = testbed.createNamespace("it-dns");
        Map<String, String> labels = Map.of("app", "web");
        client.resource(new PodBuilder().withNewMetadata().withName("web").withNamespace(ns).withLabels(labels).endMetadata()
                .withNewSpec().withNodeName(REAL_NODE).addNewContainer().withName("httpd").withImage(BUSYBOX)
                .withImagePullPolicy("IfNotPresent")
                .withCommand("sh", "-c", "mkdir -p /www && echo hello-from-web > /www/index.html && exec httpd -f -p 8080 -h /www")
                .withNewReadinessProbe().withNewTcpSocket().withNewPort(8080).endTcpSocket().withPeriodSeconds(1).endReadinessProbe()
                .endContainer().endSpec().build()).create();
        client.resource(new ServiceBuilder().withNewMetadata().withName("web").withNamespace(ns).endMetadata()
                .withNewSpec().withSelector(labels).addNewPort().withPort(80).withNewTargetPort(8080).endPort().endSpec()
                .build()).create();
        client.pods().inNamespace(ns).withName("web").waitUntilReady(120, TimeUnit.SECONDS);
        client.resource(new PodBuilder().withNewMetadata().withName("client").withNamespace(ns).endMetadata()
                .withNewSpec().withNodeName(REAL_NODE).withRestartPolicy("Never").addNewContainer().withName("wget")
                .withImage(BUSYBOX).withImagePullPolicy("IfNotPresent")
                .withCommand("wget", "-q", "-O", "-", "http://web." + ns + ".svc.cluster.local/")
                .endContainer().endSpec().build()).create();
        Pod done = client.pods().inNamespace(ns).withName("client")
                .waitUntilCondition(p -> p != null && List.of("Succeeded", "Failed").contains(p.getStatus().getPhase()),
                        120, TimeUnit.SECONDS);
        String log = client.pods().inNamespace(ns).withName("client").getLog();
        assertThat(done.getStatus().getPhase()).as("client pod log: " + log).isEqualTo("Succeeded");
        assertThat(log).contains("hello-from-web");
    }

    @Test
    void gpuRequest_landsOnlyOnFakeGpuNodes(Testbed testbed) {
        KubernetesClient client = testbed.client();
        String ns = testbed.createNamespace("it-gpu");
        List<String> gpuNodes = client.nodes().list().getItems().stream()
                .filter(n -> n.getStatus().getAllocatable().containsKey("nvidia.com/gpu"))
                .map(n -> n.getMetadata().getName()).toList();
        assertThat(gpuNodes).isNotEmpty().allMatch(n -> n.startsWith("testbed-fake-")).doesNotContain(REAL_NODE);
        for (int i = 0; i < 4; i++) {
            client.resource(new PodBuilder().withNewMetadata().withName("gpu-" + i).withNamespace(ns).endMetadata()
                    .withNewSpec().withTolerations(FAKE_TOLERATION).addNewContainer().withName("c")
                    .withImage("labctl/pause:3.10").withNewResources().addToLimits("nvidia.com/gpu", new Quantity("1"))
                    .endResources().endContainer().endSpec().build()).create();
        }
        List<Pod> pods = client.pods().inNamespace(ns).informOnCondition(list -> list.size() == 4
                        && list.stream().allMatch(p -> p.getSpec().getNodeName() != null))
                .orTimeout(120, TimeUnit.SECONDS).join();
        assertThat(pods).extracting(p -> p.getSpec().getNodeName()).allMatch(gpuNodes::contains);
    }
}
