package io.labctl.spark.access;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.labctl.kube.TestPods;
import io.labctl.spark.standalone.SparkClusterSpec;
import io.labctl.spark.standalone.StandaloneManifests;

/**
 * Cluster spark-a in namespace lab on fabric8's mock API server, as labctl deploys it (Service, Deployments with the
 * recorded spec), and its pods in chosen states (tests only; the mock runs no controllers, sets creation times itself
 * and keeps no deletion timestamps). Creates tolerate the client's own retry of a slow first request (a 409 otherwise,
 * on a loaded machine).
 */
public final class MockCluster {
    public static final String NS = "lab";
    public static final String NAME = "spark-a";

    private MockCluster() {
    }

    public static void deploy(KubernetesClient client) {
        for (HasMetadata object : new StandaloneManifests().render(SparkClusterSpec.defaults(NAME, NS)).inApplyOrder()) {
            client.resource(object).createOr(NonDeletingOperation::update);
        }
    }

    /** A running pod of the component. */
    public static Pod running(KubernetesClient client, String name, String component) {
        return client.resource(TestPods.ready(name, component)).createOr(NonDeletingOperation::update);
    }

    public static Pod pending(KubernetesClient client, String name, String component) {
        return client.resource(TestPods.waiting(name, component, "ContainerCreating")).createOr(NonDeletingOperation::update);
    }
}
