package io.labctl.spark.nativemode;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.labctl.deviceplugin.NodeDevices;
import io.labctl.exec.ProcessRunner;
import io.labctl.kube.AccessCheck;
import io.labctl.kube.AccessCheck.Permission;
import io.labctl.kube.Await;
import io.labctl.kube.KubeErrors;
import io.labctl.kube.KubeSession;
import io.labctl.kube.Namespaces;
import io.labctl.kube.NodeImages;
import io.labctl.kube.PodFollower;
import io.labctl.kube.ServerSideApply;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code labctl spark submit --native}: checks everything first, prepares the namespace, runs Spark's own
 * submission client (from the host when a local spark-submit exists, else from a short-lived pod with the same
 * image), then follows the driver pod to its end, streaming its log.
 */
public final class NativeSubmitter {
    private static final Pattern RESULT = Pattern.compile("(Pi is roughly [0-9.]+)");
    private static final Pattern APP_ID = Pattern.compile("spark-app-selector=(spark-[0-9a-f]+)|application ID (spark-[0-9a-f]+)");

    /** Where spark-submit runs. */
    public enum SubmitFrom { auto, host, pod }

    private final KubeSession session;
    private final KubernetesClient client;
    private final ProcessRunner runner;
    private final Progress progress;

    public NativeSubmitter(KubeSession session, ProcessRunner runner, Progress progress) {
        this.session = session;
        this.client = session.client();
        this.runner = runner;
        this.progress = progress;
    }

    public NativeResult submit(NativeSubmitRequest request, SubmitFrom from, boolean follow, Duration timeout,
                               Consumer<String> driverLog) {
        request.validate();
        SubmissionStrategy strategy = strategy(from);
        preflight(request);

        progress.step("Preparing namespace " + request.namespace() + " (ServiceAccount, Role, RoleBinding"
                + (request.quota().isEmpty() ? "" : ", ResourceQuota") + ")");
        if (Namespaces.ensure(client, request.namespace())) {
            progress.note("created namespace " + request.namespace());
        }
        ServerSideApply apply = new ServerSideApply(client);
        for (HasMetadata object : NativeNamespace.objects(request)) {
            apply.apply(object);
        }
        String submitOutput = strategy.submit(request, timeout);
        progress.note("submission id " + request.submissionId());

        PodResource driver = client.pods().inNamespace(request.namespace()).withName(request.driverPod());
        PodFollower follower = new PodFollower(client, progress);
        Pod started = follower.await(driver, PodFollower::isRunningOrDone, timeout, "driver pod " + request.driverPod());
        String appId = appId(started, submitOutput);
        if (!follow) {
            return new NativeResult(request.submissionId(), appId, started.getStatus().getPhase(), -1, -1, null,
                    strategy.where());
        }
        progress.step("Following the driver " + request.driverPod() + " (Ctrl-C stops following, not the application)");
        StringBuilder result = new StringBuilder();
        follower.streamLog(driver, "spark-kubernetes-driver", line -> {
            Matcher m = RESULT.matcher(line);
            if (m.find()) {
                result.setLength(0);
                result.append(m.group(1));
            }
            driverLog.accept(line);
        });
        Pod done = follower.await(driver, PodFollower::isDone, timeout, "driver pod " + request.driverPod());
        int executorsLeft = awaitExecutorsGone(request, appId);
        return new NativeResult(request.submissionId(), appId, done.getStatus().getPhase(), PodFollower.exitCode(done),
                executorsLeft, result.isEmpty() ? null : result.toString(), strategy.where());
    }

    /** Host when asked for or when this machine has spark-submit; a pod otherwise. */
    private SubmissionStrategy strategy(SubmitFrom from) {
        boolean hostHasSparkSubmit = runner.find("spark-submit").isPresent();
        if (from == SubmitFrom.host && !hostHasSparkSubmit) {
            throw LabctlException.precondition("--submit-from host, but no spark-submit on PATH",
                    "install Spark 3.5 (pip install pyspark==3.5.7 brings spark-submit) or use --submit-from pod");
        }
        return from == SubmitFrom.host || (from == SubmitFrom.auto && hostHasSparkSubmit)
                ? new HostSubmission(session, runner, progress) : new PodSubmission(client, progress);
    }

    /** Everything that can fail before a write: permissions, the image, devices, a name already taken. */
    private void preflight(NativeSubmitRequest r) {
        progress.step("Checking the cluster before any change");
        List<Permission> needed = new ArrayList<>(List.of(
                Permission.of("create", "", "pods", r.namespace()),
                Permission.of("create", "", "serviceaccounts", r.namespace()),
                Permission.of("create", "rbac.authorization.k8s.io", "roles", r.namespace()),
                Permission.of("create", "rbac.authorization.k8s.io", "rolebindings", r.namespace()),
                Permission.of("list", "", "nodes", "")));
        if (!r.quota().isEmpty()) {
            needed.add(Permission.of("create", "", "resourcequotas", r.namespace()));
        }
        new AccessCheck(client).require(needed, "submitting a native Spark application");
        List<Node> nodes = KubeErrors.call(client, () -> client.nodes().list().getItems(), "list the nodes");
        List<Node> reporting = nodes.stream().filter(NodeImages::reportsImages).toList();
        if (!reporting.isEmpty() && reporting.stream().noneMatch(n -> NodeImages.hasImage(n, r.image()))) {
            throw LabctlException.precondition("image " + r.image() + " is not on any node; nothing was created",
                    "build and load it: labctl image build && labctl image load --cluster NAME");
        }
        if (r.devices() != null) {
            requireDevices(r.devices(), nodes);
        }
        Pod existing = client.pods().inNamespace(r.namespace()).withName(r.driverPod()).get();
        if (existing != null) {
            throw LabctlException.usage("application " + r.submissionId() + " already exists (driver "
                    + existing.getStatus().getPhase() + ")", "choose another --name, or remove it: labctl spark apps kill "
                    + r.submissionId());
        }
    }

    static void requireDevices(DeviceRequest devices, List<Node> nodes) {
        long most = 0;
        boolean domainKnown = false;
        for (Node node : nodes) {
            NodeDevices advertised = NodeDevices.of(node);
            domainKnown |= advertised.capacity().keySet().stream().anyMatch(k -> k.startsWith(devices.domain() + "/"));
            most = Math.max(most, advertised.capacityOf(devices.resource()));
        }
        if (!domainKnown) {
            throw LabctlException.precondition("no node advertises any " + devices.domain() + "/ resource (unknown vendor"
                    + " domain); nothing was created", "install a device plugin first, e.g. labctl device-plugin install"
                    + " --type virtual, or check --gpu-vendor");
        }
        if (most < devices.amount()) {
            throw LabctlException.precondition("--gpus " + devices.amount() + " per executor, but no node has more than "
                    + most + " " + devices.resource() + "; nothing was created", "ask for at most " + most + " per executor");
        }
    }

    /** Spark removes the executors when the app ends; give it a few seconds before counting what is left. */
    private int awaitExecutorsGone(NativeSubmitRequest r, String appId) {
        var executors = client.pods().inNamespace(r.namespace()).withLabel("spark-role", "executor")
                .withLabel("spark-app-selector", appId);
        return Await.on(client, executors, "the executors of " + appId + " to be removed")
                .within(Duration.ofSeconds(30), pods -> pods.isEmpty() ? Await.Verdict.done(0, null)
                        : Await.Verdict.notYet(pods.size() + " executor pods left"))
                .orElseGet(() -> executors.list().getItems().size());
    }

    static String appId(Pod driver, String submitOutput) {
        String fromLabel = driver.getMetadata().getLabels() == null ? null : driver.getMetadata().getLabels().get("spark-app-selector");
        if (fromLabel != null) {
            return fromLabel;
        }
        Matcher m = APP_ID.matcher(submitOutput);
        return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
    }
}
