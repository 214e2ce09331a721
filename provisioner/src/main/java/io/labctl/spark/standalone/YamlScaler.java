package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.labctl.core.AtomicFiles;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.labctl.kube.KubeErrors;
import io.labctl.kube.ServerSideApply;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Scaling "with kubectl apply and the YAML file", as exercise 4 asks: sets {@code replicas} of the worker Deployment in
 * the student's YAML ({@link ReplicasEdit}: one line changes, comments stay), applies every object of the file
 * (server-side, as {@code kubectl apply --server-side} does) and waits as {@code spark scale} does. A file that does
 * not exist yet is first written with the cluster's YAML (what {@code spark deploy --dry-run -o yaml} prints), so
 * a cluster built with labctl gets its YAML file this way. Bad YAML or a file without the Deployment changes nothing;
 * the file is rewritten (atomically) only after the cluster took the objects.
 */
public final class YamlScaler {
    private final KubernetesClient client;
    private final Progress progress;

    public YamlScaler(KubernetesClient client, Progress progress) {
        this.client = client;
        this.progress = progress;
    }

    /**
     * What was done.
     *
     * @param created   true when the file did not exist and was written with the cluster's YAML
     * @param line      the line of the file that now says {@code replicas: N} (0 when the file was created)
     * @param readiness null when not waited for, or when the cluster is not labctl's (its Deployment was waited for)
     */
    public record Result(String name, String namespace, int workers, String file, boolean created, int line,
                         List<String> applied, Readiness readiness, List<String> kubectlEquivalent) {
    }

    public Result scale(String namespace, String name, int workers, Path file, DeployOptions options) {
        SparkClusterSpec.requireWorkerCount(workers);
        String deployment = SparkLabels.workerDeployment(name);
        boolean exists = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
        String text;
        int line = 0;
        if (exists) {
            if (AtomicFiles.notRegular(file).isPresent()) {
                throw LabctlException.usage(file + " is " + AtomicFiles.notRegular(file).get() + ", not a YAML file",
                        "give the YAML file of your cluster");
            }
            ReplicasEdit.Edited edited = ReplicasEdit.setReplicas(read(file), file.toString(), deployment, workers);
            text = edited.text();
            line = edited.line();
        } else {
            StandaloneScaler.ScalePlan plan = new StandaloneScaler(client, progress).plan(namespace, name, workers);
            text = new StandaloneManifests().toYaml(plan.wanted(), List.of());
        }
        List<HasMetadata> objects = parse(text, file);
        progress.step((exists ? "Applying " + file + " with replicas: " + workers + " (line " + line + ")"
                : "Writing " + file + " (the YAML of " + name + ", " + workers + " workers) and applying it"));
        ServerSideApply apply = new ServerSideApply(client);
        List<String> applied = new ArrayList<>();
        for (HasMetadata o : objects) {
            if (o.getMetadata().getNamespace() == null && !(o instanceof io.fabric8.kubernetes.api.model.Namespace)) {
                o.getMetadata().setNamespace(namespace);
            }
            apply.apply(o);
            applied.add(o.getKind().toLowerCase() + "/" + o.getMetadata().getName());
        }
        try {
            // Not secret (the student hands it in); an existing file keeps its own mode.
            AtomicFiles.write(file, PosixFilePermissions.fromString("rw-r--r--"), out -> out.write(text));
        } catch (IOException e) {
            throw new LabctlException(ExitCode.USAGE, "the cluster took the objects, but " + file + " could not be written: "
                    + e.getMessage(), "set replicas: " + workers + " in the file yourself");
        }
        Readiness readiness = waitFor(namespace, name, deployment, workers, options);
        List<String> kubectl = List.of("edit " + file + ": replicas: " + workers + " in Deployment " + deployment,
                "kubectl apply -n " + namespace + " -f " + file,
                "kubectl rollout status -n " + namespace + " deployment/" + deployment);
        return new Result(name, namespace, workers, file.toString(), !exists, line, applied, readiness, kubectl);
    }

    private Readiness waitFor(String namespace, String name, String deployment, int workers, DeployOptions options) {
        if (options.waitMode() == WaitMode.none) {
            return null;
        }
        Deployment live = KubeErrors.call(client, () -> client.apps().deployments().inNamespace(namespace)
                .withName(deployment).get(), "read " + deployment);
        Map<String, String> podLabels = live == null ? Map.of() : live.getSpec().getTemplate().getMetadata().getLabels();
        if (name.equals(podLabels.get(SparkLabels.INSTANCE)) && SparkLabels.MANAGER.equals(podLabels.get(SparkLabels.MANAGED_BY))) {
            return new ClusterWaiter(client, progress).await(namespace, name, workers, options.waitMode(), options.timeout())
                    .readiness();
        }
        // A student's own labels: the Deployment's rollout is what can be waited for (a watch, not a poll).
        try {
            client.apps().deployments().inNamespace(namespace).withName(deployment).waitUntilCondition(d -> d != null
                    && d.getStatus() != null && d.getStatus().getReadyReplicas() != null
                    && d.getStatus().getReadyReplicas() == workers && (d.getStatus().getReplicas() == null
                    || d.getStatus().getReplicas() == workers), options.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            throw new LabctlException(ExitCode.TIMEOUT, "deployment/" + deployment + " did not reach " + workers
                    + " ready replicas within " + options.timeout().toSeconds() + "s",
                    "see why with kubectl describe deployment " + deployment + " -n " + namespace);
        }
        return null;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw LabctlException.usage("cannot read " + file + ": " + e.getMessage(), "give a readable UTF-8 YAML file");
        }
    }

    private List<HasMetadata> parse(String text, Path file) {
        try {
            List<HasMetadata> items = client.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).items();
            if (items.isEmpty()) {
                throw LabctlException.usage(file + " holds no Kubernetes object", "give the YAML file of your cluster");
            }
            return items;
        } catch (LabctlException e) {
            throw e;
        } catch (RuntimeException e) {
            throw LabctlException.usage(file + " is not valid Kubernetes YAML: " + KubeErrors.rootMessage(e),
                    "check it with kubectl apply --dry-run=client -f " + file);
        }
    }
}
