package io.labctl.kube;

import io.fabric8.kubernetes.api.model.ContainerImage;
import io.fabric8.kubernetes.api.model.Node;

/**
 * Answers "is this image already on that node?" from the images the kubelet reports in the Node's
 * status. Runtimes report fully qualified names (with the default registry prepended), so an image
 * asked for as {@code labctl/spark-base:3.5.7} matches any reported name ending in
 * {@code /labctl/spark-base:3.5.7}.
 */
public final class NodeImages {
    private NodeImages() {
    }

    public static boolean hasImage(Node node, String image) {
        if (node.getStatus() == null || node.getStatus().getImages() == null) {
            return false;
        }
        for (ContainerImage reported : node.getStatus().getImages()) {
            if (reported.getNames() == null) {
                continue;
            }
            for (String name : reported.getNames()) {
                if (sameImage(name, image)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True if the node reports any image at all (fake nodes and some runtimes report none). */
    public static boolean reportsImages(Node node) {
        return node.getStatus() != null && node.getStatus().getImages() != null
                && !node.getStatus().getImages().isEmpty();
    }

    static boolean sameImage(String reported, String wanted) {
        if (reported.equals(wanted)) {
            return true;
        }
        // Short names of official images are stored under "library/".
        String path = wanted.contains("/") ? wanted : "library/" + wanted;
        return reported.endsWith("/" + path);
    }
}
