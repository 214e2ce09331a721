package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.labctl.kube.ApiServerProxy;
import io.labctl.kube.PodDiagnosis;

import java.util.Comparator;
import java.util.Optional;

/**
 * Reads a cluster's master status through the API server's pod proxy: no port-forward, no host
 * networking, the same path on k3s, minikube, Vagrant and the test bed.
 */
public final class SparkMasterClient {
    private final KubernetesClient client;
    private final ApiServerProxy proxy;

    public SparkMasterClient(KubernetesClient client) {
        this.client = client;
        this.proxy = new ApiServerProxy(client);
    }

    /** The master's status, or empty when no master pod runs or it does not answer yet. */
    public Optional<MasterStatus> status(String namespace, String clusterName) {
        return currentMasterPod(namespace, clusterName).flatMap(pod -> status(namespace, pod));
    }

    /** The status read from a known master pod, or empty when it does not answer yet. */
    public Optional<MasterStatus> status(String namespace, Pod masterPod) {
        return proxy.getFromPod(namespace, masterPod.getMetadata().getName(), SparkPorts.MASTER_UI_PORT, "/json/")
                .flatMap(SparkMasterClient::parseQuietly);
    }

    /** The raw JSON, for evidence in reports. */
    public Optional<String> rawStatus(String namespace, Pod masterPod) {
        return proxy.getFromPod(namespace, masterPod.getMetadata().getName(), SparkPorts.MASTER_UI_PORT, "/json/");
    }

    /** The running, not terminating master pod (the newest if a restart overlaps). */
    public Optional<Pod> currentMasterPod(String namespace, String clusterName) {
        return client.pods().inNamespace(namespace)
                .withLabels(SparkLabels.component(clusterName, SparkLabels.MASTER)).list().getItems().stream()
                .filter(p -> !PodDiagnosis.isTerminating(p))
                .filter(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase()))
                .max(Comparator.comparing(p -> p.getMetadata().getCreationTimestamp()));
    }

    private static Optional<MasterStatus> parseQuietly(String body) {
        try {
            return Optional.of(MasterStatus.parse(body));
        } catch (IllegalArgumentException e) {
            // The UI answers HTML while starting up on some versions; treat as "not yet".
            return Optional.empty();
        }
    }
}
