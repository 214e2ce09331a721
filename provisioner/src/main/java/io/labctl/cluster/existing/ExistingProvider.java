package io.labctl.cluster.existing;

import io.labctl.cluster.ClusterProvider;
import io.labctl.cluster.ClusterRecord;
import io.labctl.cluster.ClusterSpec;
import io.labctl.cluster.PreflightProblem;
import io.labctl.cluster.ProviderTools;
import io.labctl.cluster.ProvisionedCluster;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.labctl.kube.KubeConnector;
import io.labctl.kube.KubeErrors;
import io.labctl.kube.KubeSession;
import io.labctl.kube.KubeTarget;

import java.util.List;
import java.util.Map;

/**
 * A cluster labctl did not create (a department cluster, kind, Docker Desktop's, the test bed): labctl records
 * the kubeconfig and context under a name so every other command can use it, and never deletes anything of it.
 */
public final class ExistingProvider implements ClusterProvider {
    private final KubeConnector connector;

    public ExistingProvider(ProviderTools tools) {
        this.connector = tools.connector();
    }

    @Override
    public String name() {
        return "existing";
    }

    @Override
    public String needs() {
        return "a kubeconfig and context that reach the cluster";
    }

    /** The kubeconfig is the user's: labctl records which context to use and never writes or removes it. */
    @Override
    public boolean ownsKubeconfig() {
        return false;
    }

    @Override
    public String noImageLoadingHint() {
        return "push them to a registry its nodes can pull from, or use the cluster's own tool"
                + " (kind load docker-image, minikube image load, ctr -n k8s.io images import)";
    }

    @Override
    public List<PreflightProblem> preflight(ClusterSpec spec) {
        if (spec.kubeconfig() == null || spec.context() == null) {
            return List.of(new PreflightProblem("the existing provider needs a kubeconfig and a context",
                    "pass --kubeconfig FILE --context NAME (or set KUBECONFIG and a current-context)"));
        }
        try (KubeSession session = connector.connect(new KubeTarget(spec.kubeconfig(), spec.context(), null))) {
            KubeErrors.call(session.client(), () -> session.client().getKubernetesVersion(), "read the server version");
            return List.of();
        } catch (LabctlException e) {
            return List.of(new PreflightProblem(e.getMessage(), e.hint() == null ? "check the kubeconfig" : e.hint()));
        }
    }

    @Override
    public ProvisionedCluster up(ClusterSpec spec, Progress progress) {
        progress.note("existing cluster: labctl records context " + spec.context() + " of " + spec.kubeconfig()
                + " and will never delete the cluster");
        return new ProvisionedCluster(null, Map.of("context", spec.context()),
                List.of("NodePorts: at any node's address (kubectl get nodes -o wide), port from `labctl spark status`"));
    }

    @Override
    public void down(ClusterRecord record, Progress progress) {
        progress.note("'" + record.name() + "' is an existing cluster: labctl forgets it and deletes nothing in it");
    }

    @Override
    public String runtimeState(ClusterRecord record) {
        return "existing (not managed by labctl)";
    }
}
