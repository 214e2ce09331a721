package io.labctl.grading.live;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.labctl.grading.checks.Check;
import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckParams;
import io.labctl.grading.checks.GradingContext;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code master-service}: the cluster's Service exposes the master's RPC port inside the cluster
 * (a port 7077) and outside it (type NodePort or LoadBalancer, so 7077 gets a node port). Two parts.
 * Whether its selector reaches the master is {@code service-selects-master}'s business, so that one
 * mistake costs one check: the cluster's Service is the one selecting the master pod, else a Service
 * named {@code CLUSTER-master*}.
 */
public final class MasterServiceCheck implements Check {
    private final String namespace;
    private final String cluster;
    private final int port;

    public MasterServiceCheck(CheckParams params) {
        this.namespace = params.requiredString("namespace");
        this.cluster = params.requiredString("cluster");
        this.port = params.integer("port", 7077);
        params.requireNoUnknown();
    }

    @Override
    public CheckOutcome evaluate(GradingContext context) {
        SparkClusterView view = new SparkClusterView(LiveCluster.of(context), namespace, cluster);
        Optional<Service> found = clusterService(view, port);
        if (found.isEmpty()) {
            return CheckOutcome.fail("no Service in " + namespace + " selects the master pod or is named " + cluster
                    + "-master*; Services: " + names(view.services()), "create a Service for the master exposing port " + port
                    + " (type NodePort for access from outside)");
        }
        Service svc = found.get();
        Optional<ServicePort> rpc = svc.getSpec().getPorts().stream().filter(p -> p.getPort() == port).findFirst();
        String type = svc.getSpec().getType() == null ? "ClusterIP" : svc.getSpec().getType();
        // One part each, so that one mistake costs one part: the port, and a type reachable from outside.
        boolean external = isExternal(svc);
        String observed = "Service " + view.where(svc.getMetadata().getName()) + " type " + type + ", ports "
                + svc.getSpec().getPorts().stream().map(p -> p.getPort() + (p.getNodePort() == null ? "" : "->node:" + p.getNodePort())).toList();
        String hint = rpc.isEmpty()
                ? "the Service has no port " + port + ": workers and drivers reach the master on spark://SERVICE:" + port
                : "the Service is " + type + ", reachable only inside the cluster; make it type: NodePort (or "
                  + "LoadBalancer) so " + port + " is reachable from outside (minikube service list shows the URL)";
        return CheckOutcome.parts((rpc.isPresent() ? 1 : 0) + (external ? 1 : 0), 2, observed, hint);
    }

    /**
     * The Service selecting the master pod that does the most of the job (the port, and outside access: a
     * student may have a ClusterIP Service and a NodePort one), else one named {@code CLUSTER-master*}.
     */
    static Optional<Service> clusterService(SparkClusterView view, int port) {
        Optional<Pod> master = view.pods("master").stream().findFirst();
        Optional<Service> best = view.services().stream()
                .filter(s -> master.isPresent() && SparkClusterView.selects(s, master.get().getMetadata().getLabels()))
                .max(Comparator.comparingInt(s -> (hasPort(s, port) ? 2 : 0) + (isExternal(s) ? 1 : 0)));
        return best.or(() -> view.services().stream()
                .filter(s -> s.getMetadata().getName().startsWith(view.cluster() + "-master")).findFirst());
    }

    static boolean isExternal(Service s) {
        return "NodePort".equals(s.getSpec().getType()) || "LoadBalancer".equals(s.getSpec().getType());
    }

    static boolean hasPort(Service s, int port) {
        return s.getSpec().getPorts() != null && s.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == port);
    }

    static String names(List<Service> services) {
        return services.isEmpty() ? "none" : String.join(", ", services.stream().map(s -> s.getMetadata().getName()).toList());
    }
}
