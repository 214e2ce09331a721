package io.labctl.image;

import io.labctl.cluster.ClusterProvider;
import io.labctl.cluster.ClusterRecord;
import io.labctl.cluster.ImageLoading;
import io.labctl.cluster.LocalImages;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.labctl.exec.ProcessRunner;

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
}
