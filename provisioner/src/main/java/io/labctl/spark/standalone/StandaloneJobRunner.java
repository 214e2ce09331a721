package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.labctl.kube.AccessCheck;
import io.labctl.kube.AccessCheck.Permission;
import io.labctl.kube.KubeErrors;
import io.labctl.kube.PodDiagnosis;
import io.labctl.kube.PodFollower;
import io.labctl.kube.PodNameSuffix;
import io.labctl.spark.pod.JobPodBuilder;
import io.labctl.spark.pod.JobPodConfig;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
        String podName = request.cluster() + "-job-" + PodNameSuffix.next();
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
                request.uploadsFromHost(), null, clusterVolumes(spec));
    }

    /** The driver runs in the job pod and lists the input files itself: it sees the cluster's volumes where the workers do. */
    private static List<JobPodConfig.Mount> clusterVolumes(SparkClusterSpec spec) {
        return spec.volumeSpecs().stream().map(v -> new JobPodConfig.Mount(VolumesStep.podVolume(spec, v), v.mount(),
                v.type() == VolumeSpec.Type.configMap)).toList();
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
        new PodFollower(client, progress).streamLog(pod, JobPodConfig.CONTAINER, line -> {
            scanner.accept(line);
            logLines.accept(line);
        });
        return scanner;
    }

    private void awaitPod(PodResource pod, Predicate<Pod> condition, Duration timeout, String name) {
        new PodFollower(client, progress).await(pod, condition, timeout, "job pod " + name);
    }

    static boolean isDone(Pod pod) {
        return PodFollower.isDone(pod);
    }

    static boolean isRunningOrDone(Pod pod) {
        return PodFollower.isRunningOrDone(pod);
    }

    static int exitCode(Pod pod) {
        return PodFollower.exitCode(pod);
    }
}
