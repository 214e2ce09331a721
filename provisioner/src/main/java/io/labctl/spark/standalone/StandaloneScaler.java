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

    /**
     * What scaling would do: the cluster's recorded spec with the new count, the live count it starts from, and the
     * objects read to know it (the deployer does not ask for them again).
     */
    public record ScalePlan(SparkClusterSpec wanted, int currentWorkers, List<HasMetadata> alreadyRead) {
    }

    /** Reads only: the plan for {@link #scale}, and for {@code --dry-run}. NOT_FOUND when there is no such cluster. */
    public ScalePlan plan(String namespace, String name, int workers) {
        SparkClusterSpec.requireWorkerCount(workers);
        StandaloneClusters clusters = new StandaloneClusters(client);
        Deployment master = clusters.requireMaster(namespace, name);
        SparkClusterSpec recorded = clusters.recordedSpec(master);
        Deployment workerDeployment = KubeErrors.call(client, () -> client.apps().deployments().inNamespace(namespace)
                .withName(SparkLabels.workerDeployment(name)).get(), "read the workers of " + name);
        // The live replica count, not the recorded one: someone may have run `kubectl scale` since.
        int current = workerDeployment == null || workerDeployment.getSpec().getReplicas() == null
                ? recorded.workers() : workerDeployment.getSpec().getReplicas();
        List<HasMetadata> read = workerDeployment == null ? List.of(master) : List.of(master, workerDeployment);
        return new ScalePlan(recorded.withNamespace(namespace).withWorkers(workers), current, read);
    }

    public DeployResult scale(String namespace, String name, int workers, DeployOptions options) {
        ScalePlan plan = plan(namespace, name, workers);
        SparkClusterSpec wanted = plan.wanted();
        progress.step("Scaling " + name + " from " + plan.currentWorkers() + " to " + workers + " workers");
        DeployResult result = new StandaloneDeployer(client, progress).deploy(wanted, options, plan.alreadyRead());
        return new DeployResult(result.name(), result.namespace(), result.workers(), result.createdNamespace(),
                result.objects(), result.readiness(), result.endpoints(), KubectlEquivalents.scale(wanted));
    }
}
