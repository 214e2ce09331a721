package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.List;

/** The Kubernetes objects of one Spark standalone cluster, in the order they are applied. */
public record ClusterObjects(Service masterService, Deployment master, Deployment workers) {

    /** Service first (workers resolve it), then the master, then the workers. */
    public List<HasMetadata> inApplyOrder() {
        return List.of(masterService, master, workers);
    }
}
