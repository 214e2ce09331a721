package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.labctl.core.Progress;
import io.labctl.kube.KubeErrors;

import java.util.List;

/**
 * Changes the number of workers of an existing cluster by re-applying its recorded spec with the new
 * count, then waits like {@code deploy}: until the master reports exactly that many ALIVE workers
 * (which also covers scaling down, when removed workers turn DEAD).
 */
public final class StandaloneScaler {
    private final KubernetesClient client;
    private final Progress progress;

    public StandaloneScaler(KubernetesClient client, Progress progress) {
        this.client = client;
        this.progress = progress;
    }

    public DeployResult scale(String namespace, String name, int workers, DeployOptions options) {
        SparkClusterSpec.requireWorkerCount(workers);
        StandaloneClusters clusters = new StandaloneClusters(client);
        Deployment master = clusters.requireMaster(namespace, name);
        SparkClusterSpec recorded = clusters.recordedSpec(master);
        SparkClusterSpec wanted = recorded.withNamespace(namespace).withWorkers(workers);
        Deployment workerDeployment = KubeErrors.call(client, () -> client.apps().deployments().inNamespace(namespace)
                .withName(SparkLabels.workerDeployment(name)).get(), "read the workers of " + name);
        // The live replica count, not the recorded one: someone may have run `kubectl scale` since.
        int current = workerDeployment == null || workerDeployment.getSpec().getReplicas() == null
                ? recorded.workers() : workerDeployment.getSpec().getReplicas();
        progress.step("Scaling " + name + " from " + current + " to " + workers + " workers");
        List<HasMetadata> read = workerDeployment == null ? List.of(master) : List.of(master, workerDeployment);
        DeployResult result = new StandaloneDeployer(client, progress).deploy(wanted, options, read);
        return new DeployResult(result.name(), result.namespace(), result.workers(), result.createdNamespace(),
                result.objects(), result.readiness(), result.endpoints(), KubectlEquivalents.scale(wanted));
    }
}
