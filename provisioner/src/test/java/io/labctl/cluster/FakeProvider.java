package io.labctl.cluster;

import io.labctl.core.LabctlException;
import io.labctl.core.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link ClusterProvider} for unit tests: plain Java, no machines. It answers preflight with the problems a test
 * gives it, hands back the kubeconfig a test gives it (one for a mock API server), and records what was asked of it.
 */
public final class FakeProvider implements ClusterProvider {
    private final String name;
    private List<PreflightProblem> problems = List.of();
    private List<ProviderOption> options = List.of();
    private boolean ownsKubeconfig = true;
    private String kubeconfigYaml;
    private ImageLoading imageLoading;
    private LabctlException upFailure;
    private final List<String> calls = new ArrayList<>();

    public FakeProvider(String name) {
        this.name = name;
    }

    /** Preflight finds these problems. */
    public FakeProvider failingPreflight(PreflightProblem... found) {
        this.problems = List.of(found);
        return this;
    }

    public FakeProvider withOptions(ProviderOption... offered) {
        this.options = List.of(offered);
        return this;
    }

    /** A cluster someone else made: its kubeconfig is the user's, never written or removed. */
    public FakeProvider notOwningKubeconfigs() {
        this.ownsKubeconfig = false;
        return this;
    }

    /** What {@link #up} hands back as the new cluster's kubeconfig. */
    public FakeProvider handingBack(String kubeconfig) {
        this.kubeconfigYaml = kubeconfig;
        return this;
    }

    /** {@link #up} fails half-way, as a k3s agent that does not start: machines exist, no kubeconfig. */
    public FakeProvider failingUp(LabctlException failure) {
        this.upFailure = failure;
        return this;
    }

    public FakeProvider loadingImagesWith(ImageLoading loading) {
        this.imageLoading = loading;
        return this;
    }

    /** What was asked of the provider, in order: "preflight NAME", "up NAME", "down NAME". */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String needs() {
        return "what " + name + " needs";
    }

    @Override
    public List<ProviderOption> options() {
        return options;
    }

    @Override
    public boolean ownsKubeconfig() {
        return ownsKubeconfig;
    }

    @Override
    public List<PreflightProblem> preflight(ClusterSpec spec) {
        calls.add("preflight " + spec.name());
        return problems;
    }

    @Override
    public ProvisionedCluster up(ClusterSpec spec, Progress progress) {
        calls.add("up " + spec.name());
        if (upFailure != null) {
            throw upFailure;
        }
        return new ProvisionedCluster(kubeconfigYaml, Map.of("machines", spec.nodes() + " fake machines"),
                List.of("NodePorts: at any node's address"));
    }

    @Override
    public void down(ClusterRecord record, Progress progress) {
        calls.add("down " + record.name());
    }

    @Override
    public String runtimeState(ClusterRecord record) {
        return "running: " + record.details().get("machines");
    }

    @Override
    public Optional<ImageLoading> imageLoading() {
        return Optional.ofNullable(imageLoading);
    }

    @Override
    public String noImageLoadingHint() {
        return "push the images to a registry " + name + "'s nodes can pull from";
    }
}
