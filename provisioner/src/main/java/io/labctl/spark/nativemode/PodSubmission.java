package io.labctl.spark.nativemode;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.labctl.kube.Labels;
import io.labctl.kube.PodFollower;
import io.labctl.spark.pod.JobPodBuilder;
import io.labctl.spark.pod.JobPodConfig;
import io.labctl.spark.pod.JobPodStep;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * spark-submit from a short-lived pod in the namespace, with the application's own image, when this machine has no
 * spark-submit. The pod is built by the same steps as `spark run`'s job pods; it runs as labctl's ServiceAccount (it
 * creates the driver pod) and mounts the executor pod template when there is one.
 */
final class PodSubmission implements SubmissionStrategy {
    static final String IN_CLUSTER_MASTER = "k8s://https://kubernetes.default.svc";
    static final String TEMPLATE_DIR = "/opt/labctl/templates";
    /** spark-submit's own JVM; the driver runs in the pod it creates. */
    static final int SUBMITTER_MEMORY_MIB = 384;

    private final KubernetesClient client;
    private final Progress progress;

    PodSubmission(KubernetesClient client, Progress progress) {
        this.client = client;
        this.progress = progress;
    }

    @Override
    public String where() {
        return "pod";
    }

    /** The submitter pod of a request (shown by tests; the same request gives the same pod). */
    static Pod pod(NativeSubmitRequest r) {
        String template = r.executorTolerations().isEmpty() ? null : TEMPLATE_DIR + "/" + NativeNamespace.TEMPLATE_KEY;
        String templateMap = r.name() + NativeNamespace.TEMPLATE_CONFIG_MAP_SUFFIX;
        List<JobPodConfig.Mount> mounts = template == null ? List.of() : List.of(new JobPodConfig.Mount(new VolumeBuilder()
                .withName(templateMap).withNewConfigMap().withName(templateMap).endConfigMap().build(), TEMPLATE_DIR, false));
        JobPodConfig config = new JobPodConfig(podName(r), r.namespace(), Map.of(Labels.MANAGED_BY, Labels.MANAGER,
                Labels.COMPONENT, "spark-submit", "spark-app-name", r.name()), r.image(), IN_CLUSTER_MASTER, r.name(),
                r.mainClass(), r.application(), r.args(), r.conf(), SUBMITTER_MEMORY_MIB, false,
                SubmitArguments.SERVICE_ACCOUNT, mounts);
        List<String> args = SubmitArguments.sparkSubmit(r, IN_CLUSTER_MASTER, template, !r.quota().isEmpty());
        JobPodStep clusterModeSubmit = (previous, c) -> new PodBuilder(previous)
                .editSpec().withTerminationGracePeriodSeconds(1L).editFirstContainer().withArgs(args).endContainer()
                .endSpec().build();
        return new JobPodBuilder(List.of(clusterModeSubmit)).build(config);
    }

    static String podName(NativeSubmitRequest r) {
        return r.name() + "-submit";
    }

    @Override
    public String submit(NativeSubmitRequest r, Duration timeout) {
        Pod pod = pod(r);
        String podName = podName(r);
        progress.step("spark-submit from pod " + r.namespace() + "/" + podName + " (" + r.image() + ")");
        PodResource submitter = client.pods().inNamespace(r.namespace()).withName(podName);
        PodFollower follower = new PodFollower(client, progress);
        submitter.delete();
        follower.awaitGone(submitter, Duration.ofSeconds(30), "the previous submitter pod " + podName);
        client.resource(pod).create();
        follower.await(submitter, PodFollower::isRunningOrDone, timeout, "submitter pod " + podName);
        StringBuilder output = new StringBuilder();
        follower.streamLog(submitter, JobPodConfig.CONTAINER, line -> {
            output.append(line).append('\n');
            if (line.contains(" Client: ") || line.contains("Exception")) {
                progress.update(line.replaceFirst("^\\S+ \\S+ ", ""));
            }
        });
        Pod done = follower.await(submitter, PodFollower::isDone, timeout, "submitter pod " + podName);
        if (PodFollower.exitCode(done) != 0) {
            throw new LabctlException(ExitCode.PRECONDITION, "spark-submit failed in pod " + podName + ": "
                    + SubmissionStrategy.lastMeaningfulLine(output.toString()), "see `kubectl logs -n " + r.namespace()
                    + " " + podName + "`");
        }
        submitter.delete();
        return output.toString();
    }
}
