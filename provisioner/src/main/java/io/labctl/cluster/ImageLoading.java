package io.labctl.cluster;

import io.labctl.core.Progress;

import java.util.List;

/** A provider's way of putting locally built images on every node of one of its clusters, without a registry. */
public interface ImageLoading {
    /** Loads the images (present in the local engine, checked by the caller); returns the nodes loaded. */
    List<String> load(ClusterRecord cluster, List<String> images, Progress progress);
}
