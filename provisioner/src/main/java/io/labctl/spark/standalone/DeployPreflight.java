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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

    /**
     * What the checks found, so that deploy does not ask again.
     *
     * @param existing the cluster's objects as they are before the apply, by {@link #key}; absent ones are missing
     * @param nodes    the nodes, or null when they were not listed (image check skipped, or not allowed)
     */
    record Findings(boolean createNamespace, Map<String, HasMetadata> existing, List<Node> nodes) {
        HasMetadata before(HasMetadata wanted) {
            return existing.get(key(wanted));
        }
    }

    static String key(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }

    /**
     * Runs all checks.
     *
     * @param alreadyRead objects of the cluster the caller has just read (scale reads the master), not read again
     */
    Findings run(SparkClusterSpec spec, ClusterObjects objects, DeployOptions options, List<HasMetadata> alreadyRead) {
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
        AccessCheck access = new AccessCheck(client);
        if (createNamespace) {
            access = access.namespaceNotCreatedYet(spec.namespace());
        }
        access.require(neededPermissions(objects, spec.namespace(), createNamespace, options.waitMode()),
                "deploying a Spark cluster");
        Map<String, HasMetadata> existing = new HashMap<>();
        alreadyRead.forEach(o -> existing.put(key(o), o));
        if (!createNamespace) { // in a namespace that does not exist yet, nothing can be in the way
            for (HasMetadata object : objects.inApplyOrder()) {
                HasMetadata found = existing.containsKey(key(object)) ? existing.get(key(object)) : read(object, spec);
                requireOwnedOrAbsent(object, found, spec);
                if (found != null) {
                    existing.put(key(object), found);
                }
            }
        }
        List<Node> nodes = null;
        if (!options.skipImageCheck()) {
            nodes = listNodes();
            if (nodes != null) {
                requireImagesOnNodes(nodes, new LinkedHashSet<>(List.of(spec.masterImage(), spec.workerImage())));
            }
        }
        return new Findings(createNamespace, existing, nodes);
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

    private HasMetadata read(HasMetadata wanted, SparkClusterSpec spec) {
        return KubeErrors.call(client, () -> client.resource(wanted).inNamespace(spec.namespace()).get(),
                "read " + wanted.getKind().toLowerCase() + " " + wanted.getMetadata().getName());
    }

    private static void requireOwnedOrAbsent(HasMetadata wanted, HasMetadata existing, SparkClusterSpec spec) {
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

    /** The nodes, or null when this identity may not list them. */
    private List<Node> listNodes() {
        try {
            return client.nodes().list().getItems();
        } catch (RuntimeException e) {
            LabctlException translated = KubeErrors.translate(e, client.getMasterUrl().toString(), "list nodes");
            if (translated.exitCode() == ExitCode.FORBIDDEN) {
                progress.note("cannot list nodes with this identity; skipping the check that the images are loaded");
                return null;
            }
            throw translated;
        }
    }

    private void requireImagesOnNodes(List<Node> nodes, Set<String> images) {
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
