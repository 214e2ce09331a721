package io.labctl.deviceplugin;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.labctl.kube.Labels;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.labctl.kube.AccessCheck;
import io.labctl.kube.AccessCheck.Permission;
import io.labctl.kube.Await;
import io.labctl.kube.KubeErrors;
import io.labctl.kube.NodeImages;
import io.labctl.kube.ServerSideApply;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code labctl device-plugin install}: checks (permissions, the image on the nodes it will run on), applies the
 * DaemonSet with server-side apply, and waits until every plugin pod is Ready and, for the virtual plugin, every
 * node it runs on advertises the devices in its capacity (the plugin registered with that node's kubelet).
 */
public final class DevicePluginInstaller {
    private final KubernetesClient client;
    private final Progress progress;

    public DevicePluginInstaller(KubernetesClient client, Progress progress) {
        this.client = client;
        this.progress = progress;
    }

    /** What was installed and what the nodes now advertise. */
    public record Result(String name, String namespace, String resource, int readyPods, List<NodeDevices> nodes,
                         List<String> kubectl) {
    }

    public Result install(DevicePluginRequest request, Duration timeout) {
        request.validate();
        DaemonSet daemonSet = DevicePluginManifest.daemonSet(request);
        progress.step("Checking the cluster before any change");
        new AccessCheck(client).require(List.of(
                Permission.of("patch", "apps", "daemonsets", request.namespace()),
                Permission.of("create", "apps", "daemonsets", request.namespace()),
                Permission.of("list", "", "nodes", "")), "installing a device plugin");
        List<Node> nodes = KubeErrors.call(client, () -> client.nodes().list().getItems(), "list the nodes");
        if (request.type() == DevicePluginType.virtual) {
            requireImageOnTargetNodes(request.image(), nodes);
        }
        progress.step("Applying DaemonSet " + request.namespace() + "/" + request.name() + " (" + request.image() + ")");
        new ServerSideApply(client).apply(daemonSet);

        int ready = awaitPodsReady(request, timeout);
        if (request.type() == DevicePluginType.virtual) {
            awaitCapacity(request, timeout);
        }
        return new Result(request.name(), request.namespace(), request.resource(), ready, status(),
                List.of("labctl device-plugin install --type " + request.type() + " --dry-run -o yaml | kubectl apply --server-side"
                                + " --field-manager=labctl -f -",
                        "kubectl get nodes -o custom-columns=NODE:.metadata.name,DEVICES:.status.capacity."
                                + request.resource().replace(".", "\\.")));
    }

    /** Removes the DaemonSet; the kubelet drops the resource from the nodes when the plugin's socket goes. */
    public boolean uninstall(DevicePluginRequest request) {
        return KubeErrors.call(client, () -> !client.apps().daemonSets().inNamespace(request.namespace())
                .withName(request.name()).delete().isEmpty(), "delete the device plugin");
    }

    /** Every node's extended resources. */
    public List<NodeDevices> status() {
        return KubeErrors.call(client, () -> client.nodes().list().getItems(), "list the nodes").stream()
                .map(NodeDevices::of).toList();
    }

    /** The plugin pods labctl installed, in every namespace: "namespace/pod on node: phase". */
    public List<String> pluginPods() {
        List<Pod> pods = KubeErrors.call(client, () -> client.pods().inAnyNamespace()
                .withLabel(Labels.MANAGED_BY, Labels.MANAGER)
                .withLabelIn(Labels.NAME, "labctl-device-plugin", "nvidia-device-plugin").list().getItems(),
                "list the device plugin pods");
        return pods.stream().map(p -> p.getMetadata().getNamespace() + "/" + p.getMetadata().getName() + " on "
                + p.getSpec().getNodeName() + ": " + p.getStatus().getPhase()).toList();
    }

    /**
     * The DaemonSet tolerates no custom taint, so it runs on nodes without one (the node.kubernetes.io/ condition
     * taints, e.g. a node briefly not-ready, do not change where it will run), and those must have the image.
     */
    private void requireImageOnTargetNodes(String image, List<Node> nodes) {
        List<String> missing = new ArrayList<>();
        for (Node node : nodes) {
            List<Taint> taints = node.getSpec() == null || node.getSpec().getTaints() == null ? List.of() : node.getSpec().getTaints();
            boolean schedulable = taints.stream().filter(t -> !t.getKey().startsWith("node.kubernetes.io/"))
                    .noneMatch(t -> "NoSchedule".equals(t.getEffect()) || "NoExecute".equals(t.getEffect()));
            if (schedulable && NodeImages.reportsImages(node) && !NodeImages.hasImage(node, image)) {
                missing.add(node.getMetadata().getName());
            }
        }
        if (!missing.isEmpty()) {
            throw LabctlException.precondition("image " + image + " is not on node(s) " + String.join(", ", missing)
                    + "; nothing was changed", "build and load it (labctl image build, labctl image load --cluster NAME),"
                    + " or pass --image with one the nodes have");
        }
    }

    private int awaitPodsReady(DevicePluginRequest request, Duration timeout) {
        progress.step("Waiting for the plugin pods to be Ready");
        DaemonSet ready = Await.on(client, client.apps().daemonSets().inNamespace(request.namespace())
                        .withName(request.name()), "the device plugin's pods to be Ready")
                .hint("look at its pods: kubectl get pods -n " + request.namespace() + " -l app.kubernetes.io/instance="
                        + request.name() + "; remove it with labctl device-plugin uninstall --type " + request.type())
                .until(timeout, list -> list.size() == 1 && rolledOut(list.get(0)) ? Await.Verdict.done(list.get(0), null)
                        : Await.Verdict.notYet(list.isEmpty() || list.get(0).getStatus() == null ? "no status"
                        : list.get(0).getStatus().getNumberReady() + " of "
                        + list.get(0).getStatus().getDesiredNumberScheduled() + " pods Ready"));
        return ready.getStatus().getNumberReady();
    }

    /** Every scheduled pod runs the current generation and is Ready. */
    private static boolean rolledOut(DaemonSet ds) {
        var status = ds.getStatus();
        return status != null && status.getDesiredNumberScheduled() != null && status.getDesiredNumberScheduled() > 0
                && status.getObservedGeneration() != null && status.getObservedGeneration() >= ds.getMetadata().getGeneration()
                && status.getDesiredNumberScheduled().equals(status.getNumberReady())
                && status.getDesiredNumberScheduled().equals(status.getUpdatedNumberScheduled());
    }

    /**
     * Each node running a plugin pod must offer the devices: proof that the plugin registered with its kubelet.
     * Allocatable, not capacity: a node keeps the capacity of an earlier plugin, but only healthy devices of a
     * registered plugin are allocatable (pods admitted before that fail with UnexpectedAdmissionError).
     */
    private void awaitCapacity(DevicePluginRequest request, Duration timeout) {
        progress.step("Waiting for the nodes to advertise " + request.count() + " " + request.resource());
        List<String> nodeNames = client.pods().inNamespace(request.namespace())
                .withLabels(Map.of(Labels.INSTANCE, request.name())).list().getItems().stream()
                .map(p -> p.getSpec().getNodeName()).distinct().toList();
        for (String nodeName : nodeNames) {
            Await.on(client, client.nodes().withName(nodeName), "node " + nodeName + " to offer " + request.count() + " "
                            + request.resource() + " (the plugin registering with its kubelet)")
                    .hint("see the plugin's log: kubectl logs -n " + request.namespace() + " -l app.kubernetes.io/instance="
                            + request.name())
                    .until(timeout, nodes -> nodes.size() == 1 && NodeDevices.of(nodes.get(0)).allocatable()
                                    .getOrDefault(request.resource(), 0L) == request.count(),
                            nodes -> nodes.isEmpty() ? "the node is gone" : request.resource() + " = "
                                    + NodeDevices.of(nodes.get(0)).allocatable().getOrDefault(request.resource(), 0L));
            progress.update(nodeName + ": " + request.resource() + " = " + request.count());
        }
    }
}
