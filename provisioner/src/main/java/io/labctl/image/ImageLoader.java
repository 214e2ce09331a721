package io.labctl.image;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.labctl.cluster.ClusterProvider;
import io.labctl.cluster.ClusterRecord;
import io.labctl.cluster.ImageLoading;
import io.labctl.cluster.LocalImages;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.labctl.exec.ProcessRunner;
import io.labctl.kube.Await;
import io.labctl.kube.NodeImages;

import java.time.Duration;
import java.util.List;

/**
 * Puts locally built images on every node of a lab cluster, without a registry, the way the cluster's provider
 * does it (k3s: archive imported into each node container; minikube: `minikube image load`; Vagrant: archive over
 * SSH). Each step prints the plain command.
 */
public final class ImageLoader {
    private final LocalImages local;

    public ImageLoader(ProcessRunner runner) {
        this.local = new LocalImages(runner);
    }

    /** Whether the local Docker engine has the image. */
    public boolean presentLocally(String image) {
        return local.present(image);
    }

    /** Returns the nodes (containers, VMs or the minikube profile) the images were loaded into. */
    public List<String> load(ClusterProvider provider, ClusterRecord cluster, List<String> images, Progress progress) {
        ImageLoading loading = provider.imageLoading().orElseThrow(() -> LabctlException.precondition(
                "labctl cannot put images on the nodes of " + provider.name() + " cluster '" + cluster.name() + "'",
                provider.noImageLoadingHint()));
        return loading.load(cluster, images, progress);
    }

    /**
     * Waits until every node that reports its images lists these: a kubelet publishes its image list only with its
     * next status update, and a deploy right after a load would otherwise find "the image is not on any node". Nodes
     * that report no images at all (fake nodes, some runtimes) are not waited for.
     */
    public void awaitOnNodes(KubernetesClient client, List<String> images, Duration timeout, Progress progress) {
        Await.on(client, client.nodes(), "the nodes to report " + String.join(", ", images)).reportingTo(progress)
                .hint("the images were loaded; a kubelet may report them later: check with `kubectl get nodes -o yaml`")
                .until(timeout, nodes -> missing(nodes, images).isEmpty(), nodes -> {
                    List<String> missing = missing(nodes, images);
                    return missing.isEmpty() ? "every node reports the images" : "not reported yet by " + String.join(", ", missing);
                });
    }

    private static List<String> missing(List<Node> nodes, List<String> images) {
        return nodes.stream().filter(NodeImages::reportsImages)
                .filter(n -> images.stream().anyMatch(image -> !NodeImages.hasImage(n, image)))
                .map(n -> n.getMetadata().getName()).sorted().toList();
    }
}
