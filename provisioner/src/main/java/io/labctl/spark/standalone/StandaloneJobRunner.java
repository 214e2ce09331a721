package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.labctl.kube.AccessCheck;
import io.labctl.kube.AccessCheck.Permission;
import io.labctl.kube.KubeErrors;
import io.labctl.kube.PodDiagnosis;
import io.labctl.spark.pod.JobPodBuilder;
import io.labctl.spark.pod.JobPodConfig;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Runs a job against a standalone cluster from a pod in its namespace (client mode: the driver runs
 * in that pod, reachable by the executors without any host networking), streams the driver's log,
 * and reports the application's final state as the master saw it.
 */
public final class StandaloneJobRunner {
    /** Starting the job pod (scheduling, container start) should take seconds, not minutes. */
    static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KubernetesClient client;
    private final Progress progress;

    public StandaloneJobRunner(KubernetesClient client, Progress progress) {
        this.client = client;
        this.progress = progress;
    }

    /** Runs the job; every line of the driver's log goes to {@code logLines} as it arrives. */
    public JobResult run(JobRequest request, Consumer<String> logLines) {
        request.validate();
        StandaloneClusters clusters = new StandaloneClusters(client);
        SparkClusterSpec spec = clusters.recordedSpec(clusters.requireMaster(request.namespace(), request.cluster()));
        String ns = request.namespace();
        List<Permission> needed = new ArrayList<>(List.of(
                Permission.of("create", "", "pods", ns), Permission.of("delete", "", "pods", ns),
                Permission.of("watch", "", "pods", ns), new Permission("get", "", "pods", "log", ns),
                new Permission("get", "", "pods", "proxy", ns)));
        if (request.uploadsFromHost()) {
            needed.add(new Permission("create", "", "pods", "exec", ns));
        }
        new AccessCheck(client).require(needed, "running a Spark job");

        JobPodConfig config = podConfig(request, spec);
        Pod pod = new JobPodBuilder().build(config);
        long started = System.nanoTime();
        progress.step("Starting job pod " + config.podName() + " (spark-submit --deploy-mode client to "
                + config.masterUrl() + ")");
        KubeErrors.call(client, () -> client.resource(pod).create(), "create pod " + config.podName());
        PodResource podResource = client.pods().inNamespace(ns).withName(config.podName());
        boolean finishedNormally = false;
        try {
            awaitPod(podResource, p -> isRunningOrDone(p) || PodDiagnosis.cannotStart(p), START_TIMEOUT, config.podName());
            Pod current = podResource.get();
            if (PodDiagnosis.cannotStart(current)) {
                throw LabctlException.precondition("job pod " + config.podName() + " cannot start: "
                        + PodDiagnosis.explain(current), "fix the cause above and run the job again");
            }
            if (request.uploadsFromHost()) {
                upload(podResource, request);
            }
            progress.step("Streaming the driver's log");
            DriverLogScanner scanner = streamLog(podResource, logLines);
            long remaining = request.timeout().toNanos() - (System.nanoTime() - started);
            awaitPod(podResource, StandaloneJobRunner::isDone, Duration.ofNanos(Math.max(remaining, 1)),
                    config.podName());
            int exitCode = exitCode(podResource.get());
            String appState = scanner.appId() == null ? null : new SparkMasterClient(client)
                    .status(ns, request.cluster()).flatMap(s -> s.app(scanner.appId())).map(MasterStatus.App::state)
                    .orElse(null);
            finishedNormally = true;
            return new JobResult(request.cluster(), ns, config.podName(), request.kind().name().toLowerCase(Locale.ROOT),
                    exitCode, scanner.appId(), appState, scanner.pi(),
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), request.keepPod());
        } finally {
            if (!request.keepPod()) {
                KubeErrors.call(client, podResource::delete, "delete pod " + config.podName());
            } else if (!finishedNormally) {
                progress.note("kept pod " + config.podName() + "; remove it with `kubectl delete pod "
                        + config.podName() + " -n " + ns + "`");
            }
        }
    }

    private JobPodConfig podConfig(JobRequest request, SparkClusterSpec spec) {
        String podName = request.cluster() + "-job-" + randomSuffix();
        Map<String, String> conf = new HashMap<>();
        // Spark's default executor (1g) does not fit a smaller worker and would wait forever for resources.
        int workerMib = SparkMemory.parseMib("--worker-memory", spec.workerMemory());
        conf.put("spark.executor.memory", Math.min(1024, workerMib) + "m");
        conf.putAll(request.conf());
        String masterUrl = "spark://" + SparkLabels.masterService(request.cluster()) + "." + request.namespace()
                + ".svc:" + SparkPorts.SPARK_RPC_PORT;
        return new JobPodConfig(podName, request.namespace(), SparkLabels.component(request.cluster(), SparkLabels.JOB),
                spec.masterImage(), masterUrl, "labctl-" + request.cluster() + "-" + request.kind().name().toLowerCase(Locale.ROOT),
                request.kind() == JobRequest.Kind.PYTHON ? null : request.mainClass(),
                request.pathInPod(JobPodConfig.UPLOAD_DIR), request.args(), conf, request.driverMemoryMib(),
                request.uploadsFromHost());
    }

    private void upload(PodResource pod, JobRequest request) {
        String target = request.pathInPod(JobPodConfig.UPLOAD_DIR);
        progress.step("Uploading " + request.application() + " to " + target);
        boolean copied = KubeErrors.call(client, () -> pod.inContainer(JobPodConfig.CONTAINER).file(target)
                .upload(Path.of(request.application())), "upload " + request.application());
        boolean marked = copied && KubeErrors.call(client, () -> pod.inContainer(JobPodConfig.CONTAINER)
                .file(JobPodConfig.UPLOAD_DONE_MARKER).upload(new ByteArrayInputStream(new byte[0])), "mark the upload done");
        if (!marked) {
            throw new LabctlException(ExitCode.INTERNAL, "could not copy " + request.application() + " into the job pod",
                    "the image needs sh and tar for uploads; or put the file in the image and pass local:///path");
        }
    }

    private DriverLogScanner streamLog(PodResource pod, Consumer<String> logLines) {
        DriverLogScanner scanner = new DriverLogScanner();
        try (LogWatch watch = pod.inContainer(JobPodConfig.CONTAINER).watchLog();
             BufferedReader reader = new BufferedReader(new InputStreamReader(watch.getOutput(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                scanner.accept(line);
                logLines.accept(line);
            }
        } catch (IOException e) {
            // The stream can drop (API server restart); the pod's final state is still awaited below.
            progress.note("log stream ended early: " + e.getMessage());
        } catch (UncheckedIOException e) {
            progress.note("log stream ended early: " + e.getMessage());
        }
        return scanner;
    }

    private void awaitPod(PodResource pod, Predicate<Pod> condition, Duration timeout, String name) {
        try {
            pod.informOnCondition(pods -> !pods.isEmpty() && condition.test(pods.get(0)))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            Pod current = pod.get();
            throw new LabctlException(ExitCode.TIMEOUT, "job pod " + name + " did not get there in "
                    + ClusterWaiter.format(timeout) + ": " + (current == null ? "it is gone" : PodDiagnosis.explain(current)),
                    "see `kubectl describe pod " + name + "`; raise --timeout for long jobs");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabctlException(ExitCode.INTERRUPTED, "interrupted while waiting for job pod " + name, null);
        } catch (ExecutionException e) {
            throw KubeErrors.translate(e.getCause(), client.getMasterUrl().toString(), "watch pod " + name);
        }
    }

    static boolean isDone(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }

    static boolean isRunningOrDone(Pod pod) {
        return isDone(pod) || (pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase()));
    }

    static int exitCode(Pod pod) {
        if (pod == null || pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return -1;
        }
        for (ContainerStatus cs : pod.getStatus().getContainerStatuses()) {
            if (cs.getState() != null && cs.getState().getTerminated() != null) {
                return cs.getState().getTerminated().getExitCode();
            }
        }
        return -1;
    }

    private static String randomSuffix() {
        String alphabet = "bcdfghjklmnpqrstvwxz2456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
