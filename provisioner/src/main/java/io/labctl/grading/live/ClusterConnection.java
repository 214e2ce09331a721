package io.labctl.grading.live;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.kube.KubeConnector;
import io.labctl.kube.KubeErrors;
import io.labctl.kube.KubeSession;
import io.labctl.kube.KubeTarget;

/**
 * Opens a student's cluster for grading and decides whether it is gradable at all: an API server
 * that does not answer, or rejects the credentials, makes the live part "not gradable" (a fact
 * about the cluster, not a zero). Reads the kube-system namespace's UID as the cluster's identity.
 */
public final class ClusterConnection implements AutoCloseable {
    private final KubeSession session;
    private final LiveCluster cluster;
    private final String clusterUid;
    private final String unavailable;

    private ClusterConnection(KubeSession session, LiveCluster cluster, String clusterUid, String unavailable) {
        this.session = session;
        this.cluster = cluster;
        this.clusterUid = clusterUid;
        this.unavailable = unavailable;
    }

    /** Connects and probes; never throws for an unreachable cluster (that is a grading result). */
    public static ClusterConnection open(KubeConnector connector, KubeTarget target) {
        KubeSession session;
        try {
            session = connector.connect(target);
        } catch (LabctlException e) {
            return new ClusterConnection(null, null, null, "no usable kubeconfig: " + e.getMessage());
        }
        String server = session.server();
        try {
            Namespace kubeSystem = session.client().namespaces().withName("kube-system").get();
            String uid = kubeSystem == null ? null : kubeSystem.getMetadata().getUid();
            return new ClusterConnection(session, new LiveCluster(session.client(), session.context()), uid, null);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403) {
                // Reachable and authenticated, but not allowed to read namespaces: gradable, UID unknown.
                return new ClusterConnection(session, new LiveCluster(session.client(), session.context()), null, null);
            }
            return unavailable(session, KubeErrors.translate(e, server, "read namespace kube-system"));
        } catch (RuntimeException e) {
            return unavailable(session, KubeErrors.translate(e, server, "read namespace kube-system"));
        }
    }

    private static ClusterConnection unavailable(KubeSession session, LabctlException failure) {
        session.close();
        String why = failure.exitCode() == ExitCode.UNREACHABLE || failure.exitCode() == ExitCode.FORBIDDEN
                ? failure.getMessage() : "the API server did not answer as expected: " + failure.getMessage();
        return new ClusterConnection(null, null, null, why);
    }

    /** The cluster, or null when it is not gradable. */
    public LiveCluster cluster() {
        return cluster;
    }

    /** Why the cluster cannot be graded; null when it can. */
    public String unavailable() {
        return unavailable;
    }

    public String clusterUid() {
        return clusterUid;
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
        }
    }
}
