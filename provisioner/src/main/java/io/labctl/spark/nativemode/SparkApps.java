package io.labctl.spark.nativemode;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.labctl.kube.KubeErrors;
import io.labctl.kube.PodFollower;

import java.util.Comparator;
import java.util.List;
import java.time.Duration;

/**
 * Native applications, found by their driver pods (label spark-role=driver), with Spark's semantics: an app is
 * named by its submission id, status and kill accept globs, kill deletes the driver pod with a grace period and
 * Kubernetes' garbage collector removes its executors (they are owned by the driver pod).
 */
public final class SparkApps {
    public static final long DEFAULT_GRACE_SECONDS = 5;

    private final KubernetesClient client;

    public SparkApps(KubernetesClient client) {
        this.client = client;
    }

    /** One application as `apps list|status` show it. */
    public record App(String submissionId, String name, String appId, String phase, String node, String started, int executors) {
    }

    /** Every native application in the namespace, or in all namespaces when it is null. */
    public List<App> list(String namespace) {
        return drivers(namespace).stream().map(this::describe).toList();
    }

    /** The applications matching the id (glob); NOT_FOUND when none does. */
    public List<App> status(SubmissionId id) {
        List<App> apps = matching(id).stream().map(this::describe).toList();
        if (apps.isEmpty()) {
            throw LabctlException.notFound("no native Spark application matches " + id, "see `labctl spark apps list -A`");
        }
        return apps;
    }

    /** Deletes the matching drivers (their executors follow); returns what was killed. */
    public List<App> kill(SubmissionId id, long graceSeconds, boolean wait) {
        List<Pod> drivers = matching(id);
        if (drivers.isEmpty()) {
            throw LabctlException.notFound("no native Spark application matches " + id, "see `labctl spark apps list -A`");
        }
        List<App> killed = drivers.stream().map(this::describe).toList();
        for (Pod driver : drivers) {
            KubeErrors.call(client, () -> client.pods().inNamespace(driver.getMetadata().getNamespace())
                    .withName(driver.getMetadata().getName()).withGracePeriod(graceSeconds).delete(), "delete the driver pod");
        }
        if (wait) {
            PodFollower follower = new PodFollower(client, Progress.SILENT);
            for (Pod driver : drivers) {
                follower.awaitGone(client.pods().inNamespace(driver.getMetadata().getNamespace())
                        .withName(driver.getMetadata().getName()), Duration.ofSeconds(graceSeconds + 60),
                        "driver pod " + driver.getMetadata().getName());
            }
        }
        return killed;
    }

    /** The driver's log (the whole of it so far). */
    public String logs(SubmissionId id) {
        List<Pod> drivers = matching(id);
        if (drivers.size() != 1) {
            throw drivers.isEmpty() ? LabctlException.notFound("no native Spark application matches " + id, "see `labctl spark apps list -A`")
                    : LabctlException.usage(id + " matches " + drivers.size() + " applications", "name exactly one: NAMESPACE:DRIVER-POD");
        }
        Pod driver = drivers.get(0);
        return KubeErrors.call(client, () -> client.pods().inNamespace(driver.getMetadata().getNamespace())
                .withName(driver.getMetadata().getName()).getLog(), "read the driver's log");
    }

    private List<Pod> matching(SubmissionId id) {
        return drivers(id.namespace()).stream().filter(p -> id.matches(p.getMetadata().getName())).toList();
    }

    private List<Pod> drivers(String namespace) {
        return KubeErrors.call(client, () -> (namespace == null ? client.pods().inAnyNamespace().withLabel("spark-role", "driver")
                        : client.pods().inNamespace(namespace).withLabel("spark-role", "driver")).list().getItems(),
                "list the driver pods").stream()
                .sorted(Comparator.comparing((Pod p) -> p.getMetadata().getNamespace()).thenComparing(p -> p.getMetadata().getName()))
                .toList();
    }

    private App describe(Pod driver) {
        String ns = driver.getMetadata().getNamespace();
        var labels = driver.getMetadata().getLabels();
        String appId = labels.get("spark-app-selector");
        int executors = appId == null ? 0 : client.pods().inNamespace(ns).withLabel("spark-role", "executor")
                .withLabel("spark-app-selector", appId).list().getItems().size();
        return new App(ns + ":" + driver.getMetadata().getName(), labels.getOrDefault("spark-app-name", "?"), appId,
                driver.getStatus() == null ? "Unknown" : driver.getStatus().getPhase(), driver.getSpec().getNodeName(),
                driver.getStatus() == null ? null : driver.getStatus().getStartTime(), executors);
    }
}
