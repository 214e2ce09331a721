package io.labctl.spark.access;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.labctl.core.LabctlException;
import io.labctl.kube.KubeErrors;
import io.labctl.kube.PodDiagnosis;
import io.labctl.spark.standalone.SparkLabels;
import io.labctl.spark.standalone.StandaloneClusters;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The pods of one cluster a student looks into: its master, its Nth worker (numbered from 1 in name order, the order
 * {@code labctl spark status} lists them in), and a running driver (a {@code spark run} job or a {@code spark shell}).
 * An unknown cluster is NOT_FOUND (exit 3); a worker number out of range is a usage error (exit 2).
 */
public final class ClusterPods {
    /** Pods whose container is a Spark driver in client mode, UI on 4040: jobs of `spark run`, shells of `spark shell`. */
    static final Set<String> DRIVER_COMPONENTS = Set.of(SparkLabels.JOB, SparkShell.COMPONENT);

    private final KubernetesClient client;

    public ClusterPods(KubernetesClient client) {
        this.client = client;
    }

    /** Fails with exit 3 and how to list clusters when {@code name} is not a labctl cluster in the namespace. */
    public void requireCluster(String namespace, String name) {
        new StandaloneClusters(client).requireMaster(namespace, name);
    }

    /** The running master pod (the newest while a restart overlaps); PRECONDITION when none runs. */
    public Pod master(String namespace, String name) {
        return newest(running(component(namespace, name, SparkLabels.MASTER))).orElseThrow(() ->
                LabctlException.precondition("the master of " + name + " has no running pod",
                        "see why with `labctl spark status " + name + " -n " + namespace + "`"));
    }

    /** Every master pod by name, a terminating one included (its last log lines may be what a student looks for). */
    public List<Pod> masters(String namespace, String name) {
        return component(namespace, name, SparkLabels.MASTER).stream()
                .sorted(Comparator.comparing(p -> p.getMetadata().getName())).toList();
    }

    /** The live (not terminating) worker pods, by name. */
    public List<Pod> workers(String namespace, String name) {
        return liveByName(component(namespace, name, SparkLabels.WORKER));
    }

    /** Worker {@code number} (1-based) of {@link #workers}; a usage error naming the valid range otherwise. */
    public Pod worker(String namespace, String name, int number) {
        return nth(workers(namespace, name), number, name, namespace);
    }

    /** The newest running driver pod of the cluster (a job or a shell), if any. */
    public Optional<Pod> runningDriver(String namespace, String name) {
        List<Pod> pods = KubeErrors.call(client, () -> client.pods().inNamespace(namespace)
                .withLabels(SparkLabels.cluster(name)).list().getItems(), "list the pods of " + name);
        return newest(running(pods.stream().filter(p -> DRIVER_COMPONENTS.contains(componentOf(p))).toList()));
    }

    static Pod nth(List<Pod> workers, int number, String name, String namespace) {
        if (number < 1 || number > workers.size()) {
            String range = workers.isEmpty() ? name + " has no worker pods"
                    : name + " has " + workers.size() + " worker pod" + (workers.size() == 1 ? "" : "s")
                    + " (1.." + workers.size() + ")";
            throw LabctlException.usage("no worker " + number + ": " + range,
                    "pick one of those (`labctl spark status " + name + " -n " + namespace + "` lists them)");
        }
        return workers.get(number - 1);
    }

    static List<Pod> liveByName(List<Pod> pods) {
        return pods.stream().filter(p -> !PodDiagnosis.isTerminating(p))
                .sorted(Comparator.comparing(p -> p.getMetadata().getName())).toList();
    }

    static List<Pod> running(List<Pod> pods) {
        return pods.stream().filter(p -> !PodDiagnosis.isTerminating(p))
                .filter(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase())).toList();
    }

    static Optional<Pod> newest(List<Pod> pods) {
        return pods.stream().max(Comparator.comparing((Pod p) -> p.getMetadata().getCreationTimestamp())
                .thenComparing(p -> p.getMetadata().getName()));
    }

    static String componentOf(Pod pod) {
        return pod.getMetadata().getLabels() == null ? "" : pod.getMetadata().getLabels().getOrDefault(SparkLabels.COMPONENT, "");
    }

    private List<Pod> component(String namespace, String name, String component) {
        return KubeErrors.call(client, () -> client.pods().inNamespace(namespace)
                .withLabels(SparkLabels.component(name, component)).list().getItems(), "list the " + component + " pods of " + name);
    }
}
