package io.labctl.spark.nativemode;

import io.labctl.kube.Labels;
import io.labctl.kube.Namespaces;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.labctl.deviceplugin.NodeDevices;
import io.labctl.exec.Command;
import io.labctl.exec.ProcessResult;
import io.labctl.exec.ProcessRunner;
import io.labctl.kube.AccessCheck;
import io.labctl.kube.AccessCheck.Permission;
import io.labctl.kube.Await;
import io.labctl.kube.KubeErrors;
import io.labctl.kube.KubeSession;
import io.labctl.kube.NodeImages;
import io.labctl.kube.PodFollower;
import io.labctl.kube.ServerSideApply;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code labctl spark submit --native}: checks everything first, prepares the namespace, runs Spark's own
 * submission client (from the host when a local spark-submit exists, else from a short-lived pod with the same
 * image), then follows the driver pod to its end, streaming its log.
 */
public final class NativeSubmitter {
    static final String IN_CLUSTER_MASTER = "k8s://https://kubernetes.default.svc";
    static final String TEMPLATE_DIR = "/opt/labctl/templates";
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
        boolean fromHost = from == SubmitFrom.host || (from == SubmitFrom.auto && runner.find("spark-submit").isPresent());
        if (from == SubmitFrom.host && runner.find("spark-submit").isEmpty()) {
            throw LabctlException.precondition("--submit-from host, but no spark-submit on PATH",
                    "install Spark 3.5 (pip install pyspark==3.5.7 brings spark-submit) or use --submit-from pod");
        }
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
        String submitOutput = fromHost ? submitFromHost(request) : submitFromPod(request, timeout);
        progress.note("submission id " + request.submissionId());

        PodResource driver = client.pods().inNamespace(request.namespace()).withName(request.driverPod());
        PodFollower follower = new PodFollower(client, progress);
        Pod started = follower.await(driver, PodFollower::isRunningOrDone, timeout, "driver pod " + request.driverPod());
        String appId = appId(started, submitOutput);
        if (!follow) {
            return new NativeResult(request.submissionId(), appId, started.getStatus().getPhase(), -1, -1, null,
                    fromHost ? "host" : "pod");
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
                executorsLeft, result.isEmpty() ? null : result.toString(), fromHost ? "host" : "pod");
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

    private String submitFromPod(NativeSubmitRequest r, Duration timeout) {
        String template = r.executorTolerations().isEmpty() ? null : TEMPLATE_DIR + "/" + NativeNamespace.TEMPLATE_KEY;
        List<String> args = SubmitArguments.sparkSubmit(r, IN_CLUSTER_MASTER, template, !r.quota().isEmpty());
        String podName = r.name() + "-submit";
        PodBuilder pod = new PodBuilder().withNewMetadata().withName(podName).withNamespace(r.namespace())
                .withLabels(Map.of(Labels.MANAGED_BY, Labels.MANAGER, Labels.COMPONENT, "spark-submit",
                        "spark-app-name", r.name())).endMetadata()
                .withNewSpec().withServiceAccountName(SubmitArguments.SERVICE_ACCOUNT).withRestartPolicy("Never")
                .withEnableServiceLinks(false).withTerminationGracePeriodSeconds(1L)
                .addNewContainer().withName("submit").withImage(r.image()).withImagePullPolicy("IfNotPresent").withArgs(args)
                .withNewResources().addToRequests("cpu", new io.fabric8.kubernetes.api.model.Quantity("100m"))
                .addToRequests("memory", new io.fabric8.kubernetes.api.model.Quantity("384Mi"))
                .addToLimits("cpu", new io.fabric8.kubernetes.api.model.Quantity("1"))
                .addToLimits("memory", new io.fabric8.kubernetes.api.model.Quantity("768Mi")).endResources()
                .endContainer().endSpec();
        if (template != null) {
            pod.editSpec().editFirstContainer().addNewVolumeMount().withName("templates").withMountPath(TEMPLATE_DIR).endVolumeMount()
                    .endContainer().addNewVolume().withName("templates").withNewConfigMap()
                    .withName(r.name() + NativeNamespace.TEMPLATE_CONFIG_MAP_SUFFIX).endConfigMap().endVolume().endSpec();
        }
        progress.step("spark-submit from pod " + r.namespace() + "/" + podName + " (" + r.image() + ")");
        PodResource submitter = client.pods().inNamespace(r.namespace()).withName(podName);
        PodFollower follower = new PodFollower(client, progress);
        submitter.delete();
        follower.awaitGone(submitter, Duration.ofSeconds(30), "the previous submitter pod " + podName);
        client.resource(pod.build()).create();
        follower.await(submitter, PodFollower::isRunningOrDone, timeout, "submitter pod " + podName);
        StringBuilder output = new StringBuilder();
        follower.streamLog(submitter, "submit", line -> {
            output.append(line).append('\n');
            if (line.contains(" Client: ") || line.contains("Exception")) {
                progress.update(line.replaceFirst("^\\S+ \\S+ ", ""));
            }
        });
        Pod done = follower.await(submitter, PodFollower::isDone, timeout, "submitter pod " + podName);
        if (PodFollower.exitCode(done) != 0) {
            throw new LabctlException(ExitCode.PRECONDITION, "spark-submit failed in pod " + podName + ": "
                    + lastMeaningfulLine(output.toString()), "see `kubectl logs -n " + r.namespace() + " " + podName + "`");
        }
        client.pods().inNamespace(r.namespace()).withName(podName).delete();
        return output.toString();
    }

    private String submitFromHost(NativeSubmitRequest r) {
        Path template = null;
        try {
            if (!r.executorTolerations().isEmpty()) {
                template = Files.createTempFile("labctl-executor-template-", ".yaml");
                Files.writeString(template, NativeNamespace.templateConfigMap(r).orElseThrow().getData().get(NativeNamespace.TEMPLATE_KEY));
            }
            List<String> args = new ArrayList<>(SubmitArguments.sparkSubmit(r, "k8s://" + session.server().replaceAll("/$", ""),
                    template == null ? null : template.toString(), !r.quota().isEmpty()));
            // The host's spark-submit reads the same kubeconfig and context labctl uses.
            args.add(args.indexOf("--deploy-mode"), "--conf");
            args.add(args.indexOf("--deploy-mode"), "spark.kubernetes.context=" + session.context());
            Command submit = Command.of(args).withTimeout(Duration.ofMinutes(5)).onStderrLine(line -> {
                if (line.contains(" Client: ")) {
                    progress.update(line.replaceFirst("^\\S+ \\S+ ", ""));
                }
            });
            if (session.kubeconfig() != null) {
                submit = submit.withEnvironment("KUBECONFIG", session.kubeconfig());
            }
            progress.step("spark-submit from this machine (" + runner.find("spark-submit").orElseThrow() + ")");
            ProcessResult result = runner.run(submit);
            if (!result.succeeded()) {
                throw new LabctlException(ExitCode.PRECONDITION, "spark-submit failed: " + lastMeaningfulLine(result.stderr()),
                        "run it again with -v, or use --submit-from pod");
            }
            return result.stderr() + result.stdout();
        } catch (IOException e) {
            throw new LabctlException(ExitCode.PRECONDITION, "cannot write the executor pod template: " + e.getMessage(), null, e);
        } finally {
            if (template != null) {
                template.toFile().delete();
            }
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

    private static String lastMeaningfulLine(String output) {
        List<String> lines = output.lines().filter(l -> l.contains("Exception") || l.contains("ERROR") || l.contains("Error"))
                .toList();
        if (!lines.isEmpty()) {
            return lines.get(0).strip();
        }
        List<String> all = output.lines().filter(l -> !l.isBlank()).toList();
        return all.isEmpty() ? "(no output)" : all.get(all.size() - 1).strip();
    }
}
