package io.labctl.spark.access;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.LocalPortForward;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.labctl.kube.ApiServerProxy;
import io.labctl.kube.Await;
import io.labctl.kube.KubeErrors;
import io.labctl.kube.PodDiagnosis;
import io.labctl.spark.standalone.MasterStatus;
import io.labctl.spark.standalone.SparkLabels;
import io.labctl.spark.standalone.SparkMasterClient;
import io.labctl.spark.standalone.SparkPorts;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * The web UIs of a cluster on this machine ({@code labctl spark ui}): the master's (8080), a worker's (8081) or a
 * running driver's (4040), forwarded to a local port through the API server, as {@code kubectl port-forward} does. No
 * NodePort, host network or reverse proxy is needed, so it works the same on every provider.
 */
public final class SparkUi {
    /** A driver's UI port (spark.ui.port), in a job pod and on a host driver alike. */
    public static final int DRIVER_UI_PORT = 4040;
    /** Long enough to be "until Ctrl-C", short enough not to overflow a deadline in nanoseconds. */
    static final Duration UNTIL_INTERRUPTED = Duration.ofDays(3650);
    /** A restarted master pod is usually back in seconds; a minute more covers a slow image start. */
    static final Duration MASTER_RESTART_TIMEOUT = Duration.ofMinutes(3);

    /** Which UI. */
    public enum Kind { MASTER, WORKER, APP }

    private final KubernetesClient client;
    private final Progress progress;
    private final ClusterPods pods;

    public SparkUi(KubernetesClient client, Progress progress) {
        this.client = client;
        this.progress = progress;
        this.pods = new ClusterPods(client);
    }

    /**
     * Finds the UI: NOT_FOUND (3) for an unknown cluster, USAGE (2) for a worker number out of range, PRECONDITION (7)
     * when no master pod runs or, for {@link Kind#APP}, no application runs at all.
     */
    public UiTarget target(String namespace, String cluster, Kind kind, int worker) {
        pods.requireCluster(namespace, cluster);
        return switch (kind) {
            case MASTER -> master(namespace, cluster);
            case WORKER -> {
                Pod pod = pods.worker(namespace, cluster, worker);
                yield new UiTarget(namespace, cluster, kind, "worker " + worker, name(pod), SparkPorts.WORKER_UI_PORT,
                        null, List.of("its executors' stdout/stderr are under \"Finished Executors\" / \"Running Executors\""));
            }
            case APP -> app(namespace, cluster);
        };
    }

    private UiTarget master(String namespace, String cluster) {
        Pod master = pods.master(namespace, cluster);
        int workers = pods.workers(namespace, cluster).size();
        List<String> notes = new ArrayList<>();
        notes.add("its links to workers and running applications point at pod IPs, which only the cluster reaches: "
                + (workers == 0 ? "" : "open worker N's UI with `labctl spark ui " + cluster + " --worker N` (N = 1.."
                + workers + "), ") + "a running application's with `labctl spark ui " + cluster + " --app`");
        return new UiTarget(namespace, cluster, Kind.MASTER, "master", name(master), SparkPorts.MASTER_UI_PORT, null, notes);
    }

    private UiTarget app(String namespace, String cluster) {
        Optional<Pod> driver = pods.runningDriver(namespace, cluster);
        if (driver.isPresent()) {
            return new UiTarget(namespace, cluster, Kind.APP, "application",
                    name(driver.get()), DRIVER_UI_PORT, null,
                    List.of("the UI lives as long as the application; afterwards the master UI lists it as completed"));
        }
        List<MasterStatus.App> active = activeApps(namespace, cluster);
        if (active.isEmpty()) {
            throw LabctlException.precondition("no application is running on " + cluster,
                    "start one (`labctl spark run " + cluster + " pi 10000` in another terminal, or `labctl spark shell "
                            + cluster + "`), then run this again; finished ones are in the master's UI: labctl spark ui "
                            + cluster);
        }
        MasterStatus.App app = active.get(0);
        // Not a labctl pod of this cluster: most likely `labctl spark connect`, whose driver is on the user's machine.
        return new UiTarget(namespace, cluster, Kind.APP, "application " + app.id() + " (" + app.name() + ")", null,
                DRIVER_UI_PORT, "http://localhost:" + DRIVER_UI_PORT, List.of("its driver is not in a pod of " + cluster
                + " (`labctl spark connect` runs drivers on your machine): its UI is on the driver's machine at port "
                + DRIVER_UI_PORT + " (or the next free one), no forward needed"));
    }

    private List<MasterStatus.App> activeApps(String namespace, String cluster) {
        try {
            return new SparkMasterClient(client).status(namespace, cluster).map(MasterStatus::activeapps).orElse(List.of());
        } catch (ApiServerProxy.ProxyException e) {
            return List.of(); // no pods/proxy permission: only the pods tell
        }
    }

    /**
     * Forwards the target's port to {@code localPort} (0: any free one) and keeps forwarding until interrupted, which
     * ends it with INTERRUPTED (exit 130). A restarted master is forwarded again on the same local port; a worker's
     * or driver's forward ends, normally, with its pod. {@code onOpen} gets the local port once the first forward
     * listens.
     */
    public void forward(UiTarget target, int localPort, IntConsumer onOpen) {
        if (!target.forwarded()) {
            throw new IllegalArgumentException(target.what() + " needs no forward");
        }
        String pod = target.pod();
        LocalPortForward forward = open(target, pod, localPort);
        int port = forward.getLocalPort();
        try {
            checkAnswers(target, pod);
            onOpen.accept(port);
            while (true) {
                awaitEnd(target.namespace(), pod);
                close(forward);
                if (target.kind() != Kind.MASTER) {
                    progress.note("pod " + pod + " ended: " + target.what() + " and its UI are gone");
                    return;
                }
                progress.note("master pod " + pod + " ended; waiting for its replacement");
                pod = awaitNewMaster(target, pod);
                forward = open(target, pod, port);
                progress.note("forwarding http://localhost:" + port + " to the new master pod " + pod);
            }
        } finally {
            close(forward);
        }
    }

    private LocalPortForward open(UiTarget target, String pod, int localPort) {
        progress.step("Forwarding localhost:" + (localPort == 0 ? "(any free port)" : localPort) + " to pod " + pod + ":"
                + target.podPort() + " through the API server");
        try {
            return client.pods().inNamespace(target.namespace()).withName(pod)
                    .portForward(target.podPort(), LocalPort.LOOPBACK, localPort);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.net.BindException) {
                    // taken since LocalPort checked it, or by another program while the master restarted
                    throw LocalPort.inUse(localPort, "labctl spark ui " + target.cluster());
                }
            }
            throw KubeErrors.translate(e, client.getMasterUrl().toString(), "port-forward to pod " + pod);
        }
    }

    /** A forward to a port nobody listens on opens fine and fails on the first page: say so at once. */
    private void checkAnswers(UiTarget target, String pod) {
        try {
            if (new ApiServerProxy(client).getFromPod(target.namespace(), pod, target.podPort(), "/").isEmpty()) {
                progress.note("pod " + pod + " does not answer on port " + target.podPort() + " yet"
                        + (target.kind() == Kind.APP ? " (a driver's UI starts with its SparkContext)" : "")
                        + "; reload the page in a moment");
            }
        } catch (RuntimeException e) {
            // no pods/proxy permission: the forward itself may still work
        }
    }

    private void awaitEnd(String namespace, String pod) {
        Await.on(client, client.pods().inNamespace(namespace).withName(pod), "pod " + pod + " to end")
                .within(UNTIL_INTERRUPTED, list -> list.isEmpty() || !isRunning(list.get(0))
                        ? Await.Verdict.done(Boolean.TRUE, null) : Await.Verdict.notYet(null));
    }

    private String awaitNewMaster(UiTarget target, String old) {
        Pod next = Await.on(client, client.pods().inNamespace(target.namespace())
                        .withLabels(SparkLabels.component(target.cluster(), SparkLabels.MASTER)),
                        "a new master pod of " + target.cluster())
                .reportingTo(progress)
                .until(MASTER_RESTART_TIMEOUT, list -> ClusterPods.newest(ClusterPods.running(list))
                        .filter(p -> !name(p).equals(old))
                        .map(p -> Await.Verdict.done(p, "master pod " + name(p) + " running"))
                        .orElseGet(() -> Await.Verdict.notYet(list.isEmpty() ? "no master pod yet"
                                : PodDiagnosis.explain(list.get(list.size() - 1)))));
        return name(next);
    }

    static boolean isRunning(Pod pod) {
        return !PodDiagnosis.isTerminating(pod) && pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase());
    }

    private static void close(LocalPortForward forward) {
        try {
            forward.close();
        } catch (IOException e) {
            // the listening socket is gone either way
        }
    }

    private static String name(Pod pod) {
        return pod.getMetadata().getName();
    }
}
