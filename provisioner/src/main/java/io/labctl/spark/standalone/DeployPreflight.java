package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.labctl.kube.AccessCheck;
import io.labctl.kube.AccessCheck.Permission;
import io.labctl.kube.KubeErrors;
import io.labctl.kube.Labels;
import io.labctl.kube.NodeImages;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything {@code deploy} checks before its first write, so that bad input or a cluster that
 * cannot take the deployment changes nothing: reachability, namespace state, permissions, objects
 * of the same name that labctl does not own, and the images being present on the nodes.
 */
final class DeployPreflight {
    private final KubernetesClient client;
    private final Progress progress;

    DeployPreflight(KubernetesClient client, Progress progress) {
        this.client = client;
        this.progress = progress;
    }

    /** Runs all checks; returns whether the namespace must be created. */
    boolean run(SparkClusterSpec spec, ClusterObjects objects, DeployOptions options) {
        Namespace namespace;
        try {
            namespace = KubeErrors.call(client, () -> client.namespaces().withName(spec.namespace()).get(),
                    "read namespace " + spec.namespace());
        } catch (LabctlException e) {
            if (e.exitCode() != ExitCode.FORBIDDEN) {
                throw e;
            }
            // Students often may use a namespace without reading the Namespace object itself.
            progress.note("cannot read namespace " + spec.namespace() + " with this identity; assuming it exists");
            namespace = new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                    .withName(spec.namespace()).endMetadata().build();
        }
        boolean createNamespace = namespace == null;
        if (namespace != null && namespace.getStatus() != null && "Terminating".equals(namespace.getStatus().getPhase())) {
            throw LabctlException.precondition("namespace " + spec.namespace() + " is being deleted",
                    "wait until `kubectl get namespace " + spec.namespace() + "` shows it gone, or use another -n");
        }
        new AccessCheck(client).require(neededPermissions(objects, spec.namespace(), createNamespace, options.waitMode()),
                "deploying a Spark cluster");
        for (HasMetadata object : objects.inApplyOrder()) {
            requireOwnedOrAbsent(object, spec);
        }
        if (!options.skipImageCheck()) {
            requireImagesOnNodes(new LinkedHashSet<>(List.of(spec.masterImage(), spec.workerImage())));
        }
        return createNamespace;
    }

    /** What deploy does, as permissions: read, create and patch every kind it applies, then watch while it waits. */
    static List<Permission> neededPermissions(ClusterObjects objects, String ns, boolean createNamespace, WaitMode waitMode) {
        List<Permission> needed = new ArrayList<>();
        if (createNamespace) {
            needed.add(Permission.on("create", Namespace.class, ""));
        }
        for (Class<? extends HasMetadata> kind : objects.kinds()) {
            for (String verb : List.of("get", "create", "patch")) {
                needed.add(Permission.on(verb, kind, ns));
            }
        }
        if (waitMode != WaitMode.none) {
            needed.add(Permission.on("list", Pod.class, ns));
            needed.add(Permission.on("watch", Pod.class, ns));
        }
        if (waitMode == WaitMode.spark) {
            needed.add(new Permission("get", "", "pods", "proxy", ns));
        }
        return needed;
    }

    private void requireOwnedOrAbsent(HasMetadata wanted, SparkClusterSpec spec) {
        HasMetadata existing = KubeErrors.call(client, () -> client.resource(wanted).inNamespace(spec.namespace()).get(),
                "read " + wanted.getKind().toLowerCase() + " " + wanted.getMetadata().getName());
        if (existing == null) {
            return;
        }
        boolean ours = Labels.isManagedByLabctl(existing) && spec.name().equals(Labels.label(existing, Labels.INSTANCE));
        if (!ours) {
            throw LabctlException.precondition(wanted.getKind().toLowerCase() + " " + wanted.getMetadata().getName()
                            + " already exists in namespace " + spec.namespace() + " and is not part of labctl cluster "
                            + spec.name(),
                    "choose another cluster name, or delete it with `kubectl delete " + wanted.getKind().toLowerCase()
                            + " " + wanted.getMetadata().getName() + " -n " + spec.namespace() + "`");
        }
    }

    private void requireImagesOnNodes(Set<String> images) {
        List<Node> nodes;
        try {
            nodes = client.nodes().list().getItems();
        } catch (RuntimeException e) {
            LabctlException translated = KubeErrors.translate(e, client.getMasterUrl().toString(), "list nodes");
            if (translated.exitCode() == ExitCode.FORBIDDEN) {
                progress.note("cannot list nodes with this identity; skipping the check that the images are loaded");
                return;
            }
            throw translated;
        }
        List<Node> reporting = nodes.stream().filter(NodeImages::reportsImages).toList();
        if (reporting.isEmpty()) {
            progress.note("no node reports its images; skipping the check that the images are loaded");
            return;
        }
        for (String image : images) {
            List<String> with = reporting.stream().filter(n -> NodeImages.hasImage(n, image))
                    .map(n -> n.getMetadata().getName()).toList();
            if (with.isEmpty()) {
                throw LabctlException.precondition("image " + image + " is not on any node ("
                                + String.join(", ", reporting.stream().map(n -> n.getMetadata().getName()).toList())
                                + " report their images and none has it); nothing was changed",
                        "build and load it with `labctl image build` and `labctl image load`, or pass "
                                + "--skip-image-check if your nodes can pull it from a registry");
            }
            if (with.size() < reporting.size()) {
                progress.note("image " + image + " is only on " + String.join(", ", with)
                        + "; pods scheduled elsewhere will fail to start (load it on every node with `labctl image load`)");
            }
        }
    }

}
