package io.labctl.kube;

import io.fabric8.kubernetes.api.model.ContainerImage;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Nodes as kubelets report them, for unit tests against the mock API server: Ready or not, the control-plane role
 * label kubeadm and k3s set, an InternalIP, and the images the runtime holds under the fully qualified names
 * containerd reports ({@code docker.io/labctl/spark-master:3.5.7} for {@code labctl/spark-master:3.5.7}).
 * Addresses follow the name: {@link #internalIp}.
 */
public final class TestNodes {
    public static final String CONTROL_PLANE_ROLE = "node-role.kubernetes.io/control-plane";

    private TestNodes() {
    }

    /** A Ready worker node holding these images. */
    public static Node ready(String name, String... images) {
        return base(name, "True", images).build();
    }

    /** A Ready control-plane node holding these images. */
    public static Node readyControlPlane(String name, String... images) {
        return base(name, "True", images).editMetadata().addToLabels(CONTROL_PLANE_ROLE, "").endMetadata().build();
    }

    /** A worker node whose kubelet stopped posting Ready (the node controller's NotReady). */
    public static Node notReady(String name, String... images) {
        return base(name, "False", images).build();
    }

    /** 192.168.56.10 plus the number the name ends with: lab1-server 192.168.56.10, lab1-agent-2 192.168.56.12. */
    public static String internalIp(String name) {
        Matcher digits = Pattern.compile("(\\d+)$").matcher(name);
        return "192.168.56." + (10 + (digits.find() ? Integer.parseInt(digits.group(1)) : 0));
    }

    private static NodeBuilder base(String name, String ready, String... images) {
        List<ContainerImage> reported = Arrays.stream(images).map(i -> new ContainerImage(
                List.of("docker.io/" + i, "docker.io/" + i.substring(0, i.indexOf(':')) + "@sha256:0123abcd"), 700_000_000L))
                .toList();
        return new NodeBuilder().withNewMetadata().withName(name)
                .addToLabels("kubernetes.io/hostname", name).addToLabels("kubernetes.io/os", "linux").endMetadata()
                .withNewSpec().endSpec()
                .withNewStatus()
                .addNewCondition().withType("MemoryPressure").withStatus("False").endCondition()
                .addNewCondition().withType("Ready").withStatus(ready)
                .withReason("True".equals(ready) ? "KubeletReady" : "NodeStatusUnknown").endCondition()
                .addNewAddress().withType("InternalIP").withAddress(internalIp(name)).endAddress()
                .addNewAddress().withType("Hostname").withAddress(name).endAddress()
                .withNewNodeInfo().withKubeletVersion("v1.33.4").endNodeInfo()
                .withImages(reported)
                .endStatus();
    }
}
