package io.labctl.cluster;

import io.labctl.kube.Nodes;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.labctl.kube.KubeConnector;
import io.labctl.kube.KubeErrors;
import io.labctl.kube.KubeSession;
import io.labctl.kube.KubeTarget;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code labctl cluster up|down|status|list}: preflight, the registry, the provider, the kubeconfig context and
 * the wait for Ready nodes, in that order, so a failure before the provider starts leaves nothing behind and a
 * failure from its start on (an agent of three that does not start) leaves a recorded cluster that {@code down} can
 * remove.
 */
public final class ClusterService {
    private final Providers providers;
    private final ClusterRegistry registry;
    private final KubeConnector connector;

    public ClusterService(Providers providers, ClusterRegistry registry, KubeConnector connector) {
        this.providers = providers;
        this.registry = registry;
        this.connector = connector;
    }

    /**
     * Where the new context goes.
     *
     * @param file          the kubeconfig to merge into, or the file to write on its own
     * @param standalone    write {@code file} with only this cluster instead of merging
     * @param switchContext make the new context the current one (what kind and minikube do too)
     */
    public record KubeconfigTarget(Path file, boolean standalone, boolean switchContext) {
    }

    public ClusterView up(ClusterSpec spec, KubeconfigTarget target, Duration timeout, Progress progress) {
        spec.validate();
        ClusterProvider provider = providers.named(spec.provider());
        requireKnownOptions(provider, spec);
        registry.find(spec.name()).ifPresent(existing -> {
            if (!existing.provider().equals(spec.provider())) {
                throw LabctlException.usage("cluster '" + spec.name() + "' already exists with provider "
                        + existing.provider(), "choose another name, or remove it first: labctl cluster down " + spec.name());
            }
        });
        progress.step("Preflight (" + spec.provider() + ")");
        List<PreflightProblem> problems = provider.preflight(spec);
        if (!problems.isEmpty()) {
            if (problems.size() > 1) {
                problems.forEach(p -> progress.note(p.line())); // one problem is said once, by the error itself
            }
            throw LabctlException.precondition(problems.size() == 1 ? problems.get(0).problem()
                            : problems.size() + " preflight checks failed (listed above); first: " + problems.get(0).problem(),
                    problems.get(0).fix() + (problems.get(0).hostLacksProvider()
                            ? "; or choose another --provider: " + providers.alternativesTo(provider) : ""));
        }

        Path kubeconfig = provider.ownsKubeconfig() ? target.file() : spec.kubeconfig();
        String context = provider.ownsKubeconfig() ? KubeconfigStore.contextName(spec.name()) : spec.context();
        String created = Instant.now().toString();
        // Recorded before the provider starts: if it fails half-way (one agent of three), `down` removes what it made.
        registry.save(new ClusterRecord(spec.name(), provider.name(), spec.workers(), spec.cpus(), spec.memoryMiB(),
                kubeconfig, context, created, Map.of()));
        ProvisionedCluster provisioned = provider.up(spec, progress);
        if (provider.ownsKubeconfig()) {
            var config = KubeconfigStore.normalize(spec.name(), provisioned.kubeconfigYaml());
            if (target.standalone()) {
                KubeconfigStore.writeStandalone(kubeconfig, config);
            } else {
                KubeconfigStore.merge(kubeconfig, config, target.switchContext());
            }
            progress.note("kubeconfig: context " + context + " in " + kubeconfig
                    + (target.switchContext() || target.standalone() ? " (now the current context)" : ""));
        }
        ClusterRecord record = new ClusterRecord(spec.name(), provider.name(), spec.workers(), spec.cpus(),
                spec.memoryMiB(), kubeconfig, context, created, provisioned.details());
        registry.save(record);

        progress.step("Waiting for " + spec.nodes() + " Ready nodes");
        try (KubeSession session = connect(record)) {
            List<Node> nodes = Nodes.await(session.client(), spec.nodes(), timeout, progress);
            return view(record, provider.runtimeState(record), "yes", nodes, provisioned.accessNotes());
        } catch (LabctlException e) {
            if (e.exitCode() == ExitCode.UNREACHABLE) {
                throw new LabctlException(ExitCode.UNREACHABLE, e.getMessage(), "the machines exist; see `labctl cluster status "
                        + spec.name() + "`, remove them with `labctl cluster down " + spec.name() + "`", e);
            }
            throw e;
        }
    }

    /** Removes the cluster; an unknown name is reported, not an error, so running down twice is safe. */
    public boolean down(String name, Progress progress) {
        ClusterSpec.requireName(name);
        var record = registry.find(name);
        if (record.isEmpty()) {
            progress.note("no cluster named '" + name + "'; nothing to remove");
            return false;
        }
        ClusterRecord cluster = record.get();
        progress.step("Removing " + name + " (" + cluster.provider() + ")");
        ClusterProvider provider = providers.named(cluster.provider());
        provider.down(cluster, progress);
        if (provider.ownsKubeconfig()) {
            KubeconfigStore.remove(cluster.kubeconfig(), name);
        }
        registry.delete(name);
        return true;
    }

    public ClusterView status(String name) {
        ClusterSpec.requireName(name);
        return inspect(registry.require(name));
    }

    public List<ClusterView> list() {
        List<ClusterView> views = new ArrayList<>();
        for (ClusterRecord record : registry.list()) {
            views.add(inspect(record));
        }
        return views;
    }

    public ClusterRecord record(String name) {
        ClusterSpec.requireName(name);
        return registry.require(name);
    }

    private ClusterView inspect(ClusterRecord record) {
        String runtime = providers.named(record.provider()).runtimeState(record);
        try (KubeSession session = connect(record)) {
            List<Node> nodes = KubeErrors.call(session.client(), () -> session.client().nodes().list().getItems(),
                    "list the nodes");
            return view(record, runtime, "yes", nodes, List.of());
        } catch (LabctlException e) {
            return view(record, runtime, "no: " + e.getMessage(), List.of(), List.of());
        }
    }

    private KubeSession connect(ClusterRecord record) {
        return connector.connect(new KubeTarget(record.kubeconfig(), record.context(), null));
    }

    /** The providers this service works with. */
    public Providers providers() {
        return providers;
    }

    /** The provider of a recorded cluster: what `image load`, `image build` and `down` work through. */
    public ClusterProvider provider(ClusterRecord record) {
        return providers.named(record.provider());
    }

    /** Options of another provider (--driver with k3s) are a usage error, not silently ignored. */
    private static void requireKnownOptions(ClusterProvider provider, ClusterSpec spec) {
        for (String option : spec.options().keySet()) {
            if (provider.options().stream().noneMatch(o -> o.name().equals(option))) {
                throw LabctlException.usage("--" + option + " is not an option of provider " + provider.name(),
                        "drop --" + option + ", or choose the provider that takes it");
            }
        }
    }

    private static ClusterView view(ClusterRecord record, String runtime, String reachable, List<Node> nodes,
                                    List<String> access) {
        List<ClusterView.NodeView> nodeViews = nodes.stream()
                .sorted(java.util.Comparator.comparing(n -> n.getMetadata().getName()))
                .map(ClusterService::nodeView).toList();
        return new ClusterView(record.name(), record.provider(), record.context(),
                record.kubeconfig() == null ? null : record.kubeconfig().toString(), runtime, reachable, nodeViews, access);
    }

    private static ClusterView.NodeView nodeView(Node node) {
        String ip = Nodes.address(node, "InternalIP").orElse(null);
        String kubelet = node.getStatus() == null || node.getStatus().getNodeInfo() == null ? null
                : node.getStatus().getNodeInfo().getKubeletVersion();
        return new ClusterView.NodeView(node.getMetadata().getName(), Nodes.isControlPlane(node) ? "master" : "worker",
                Nodes.isReady(node), ip, kubelet);
    }

    /** Exposed for the CLI: a client for a recorded cluster. */
    public KubernetesClient client(ClusterRecord record) {
        return connect(record).client();
    }
}
