package io.labctl.spark.connect;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.labctl.kube.KubeErrors;
import io.labctl.kube.PodDiagnosis;
import io.labctl.kube.PodFollower;
import io.labctl.kube.Tolerations;
import io.labctl.spark.standalone.SparkClusterSpec;
import io.labctl.spark.standalone.SparkLabels;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds an address of this machine that the cluster's worker pods can connect to, before a job depends on it: a
 * short-lived pod with the workers' image and placement tries each candidate address on the driver's port and says
 * which it used, while labctl listens there. The pod also reports the workers' Python version (PySpark refuses a
 * driver and executors of different minor versions).
 */
final class ReachbackProbe {
    static final String COMPONENT = "reach-probe";
    /** Per address: a reachable host answers in milliseconds; a dropped packet must not cost the user a minute. */
    static final int CONNECT_SECONDS = 2;
    /** A line is "ADDRESS PYTHON_MINOR", e.g. "10.88.0.1 3.11". */
    private static final String SCRIPT = "v=$(python3 -c 'import sys; print(\"%d.%d\" % sys.version_info[:2])' 2>/dev/null"
            + " || echo none); port=\"$1\"; shift; for ip in \"$@\"; do timeout " + CONNECT_SECONDS + " bash -c"
            + " 'exec 3<>/dev/tcp/$0/$1 && echo \"$0 $2\" >&3' \"$ip\" \"$port\" \"$v\" 2>/dev/null || true; done";

    private final KubernetesClient client;
    private final Progress progress;

    ReachbackProbe(KubernetesClient client, Progress progress) {
        this.client = client;
        this.progress = progress;
    }

    /** What the probe found: the addresses that reached this machine, in the order tried, and the workers' Python. */
    record Result(List<String> reachable, String workerPython) {
        Optional<String> first() {
            return reachable.stream().findFirst();
        }
    }

    /** Runs the probe; {@code port} must be free on this machine (labctl listens there while the pod tries). */
    Result run(SparkClusterSpec cluster, List<String> candidates, int port, Duration timeout) {
        Map<String, String> arrived = new LinkedHashMap<>();
        try (ServerSocket listener = new ServerSocket()) {
            listener.bind(new InetSocketAddress(port));
            listener.setSoTimeout(250);
            Pod pod = pod(cluster, candidates, port);
            String name = pod.getMetadata().getName();
            progress.step("Checking that the worker pods can reach this machine (pod " + name + " tries "
                    + String.join(", ", candidates) + " on port " + port + ")");
            PodResource resource = client.pods().inNamespace(cluster.namespace()).withName(name);
            KubeErrors.call(client, () -> client.resource(pod).create(), "create the probe pod " + name);
            try {
                Thread acceptor = new Thread(() -> accept(listener, arrived), "reachback-listener");
                acceptor.setDaemon(true);
                acceptor.start();
                Pod done = new PodFollower(client, progress).await(resource, PodFollower::isDone, timeout,
                        "the probe pod " + name);
                listener.close(); // the pod tried every address: stop accepting
                acceptor.join(Duration.ofSeconds(5).toMillis());
                if (!"Succeeded".equals(done.getStatus().getPhase())) {
                    throw new LabctlException(ExitCode.PRECONDITION, "the probe pod " + name + " failed: "
                            + PodDiagnosis.explain(done), "see `kubectl logs -n " + cluster.namespace()
                            + " " + name + "`");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LabctlException(ExitCode.INTERRUPTED, "interrupted while probing", null);
            } finally {
                KubeErrors.call(client, resource::delete, "delete the probe pod " + name);
            }
        } catch (IOException e) {
            throw LabctlException.usage("port " + port + " is not free on this machine (" + e.getMessage() + ")",
                    "pass --driver-port with a free port");
        }
        List<String> reachable = candidates.stream().filter(arrived::containsKey).toList();
        String python = reachable.isEmpty() ? null : arrived.get(reachable.get(0));
        return new Result(reachable, python == null || python.equals("none") ? null : python);
    }

    /** Reads one line per connection ("ADDRESS PYTHON") until the listener is closed. */
    private static void accept(ServerSocket listener, Map<String, String> arrived) {
        while (!listener.isClosed()) {
            try (Socket socket = listener.accept()) {
                socket.setSoTimeout(2000);
                String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                        .readLine();
                if (line != null && line.contains(" ")) {
                    synchronized (arrived) {
                        arrived.put(line.substring(0, line.indexOf(' ')), line.substring(line.indexOf(' ') + 1).strip());
                    }
                }
            } catch (SocketTimeoutException e) {
                // no connection in this slice: look whether the listener was closed
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** The probe: the workers' image, node selector and tolerations, so it lands where executors run. */
    static Pod pod(SparkClusterSpec cluster, List<String> candidates, int port) {
        List<String> args = new ArrayList<>(List.of("bash", "-c", SCRIPT, "probe", String.valueOf(port)));
        args.addAll(candidates);
        String suffix = HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
        return new PodBuilder()
                .withNewMetadata().withName(cluster.name() + "-" + COMPONENT + "-" + suffix)
                .withNamespace(cluster.namespace()).withLabels(SparkLabels.component(cluster.name(), COMPONENT))
                .endMetadata()
                .withNewSpec().withRestartPolicy("Never").withEnableServiceLinks(false)
                .withTerminationGracePeriodSeconds(1L)
                .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(185L).endSecurityContext()
                .withNodeSelector(cluster.nodeSelector())
                .withTolerations(cluster.tolerations().stream().map(t -> Tolerations.parse("--toleration", t)).toList())
                .addNewContainer().withName("probe").withImage(cluster.workerImage()).withImagePullPolicy("IfNotPresent")
                .withCommand(args)
                .withNewResources().addToRequests("cpu", new Quantity("50m")).addToRequests("memory", new Quantity("64Mi"))
                .addToLimits("cpu", new Quantity("500m")).addToLimits("memory", new Quantity("128Mi")).endResources()
                .endContainer()
                .endSpec()
                .build();
    }
}
