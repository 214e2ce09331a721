package io.labctl.spark.standalone;

import io.labctl.kube.Nodes;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How to reach a cluster's master: from pods (the Service's DNS name) and from the host (a node's
 * address and the NodePort, or a port-forward), written out as commands students can paste.
 *
 * @param inCluster    spark://NAME-master-svc.NS.svc:7077
 * @param fromHost     spark://NODE_IP:NODE_PORT per node (empty with --expose none)
 * @param uiInCluster  http://NAME-master-svc.NS.svc:8080
 * @param uiFromHost   the port-forward command and the local URL it opens
 * @param rpcPortForward the port-forward command that reaches 7077 without a NodePort
 */
public record ClusterEndpoints(String inCluster, List<String> fromHost, Integer nodePort, String uiInCluster,
                               String uiFromHost, String rpcPortForward) {
    /** Enough addresses to try; a 200-node cluster would drown the output otherwise. */
    private static final int MAX_NODE_ADDRESSES = 3;

    public static ClusterEndpoints of(KubernetesClient client, String namespace, String clusterName) {
        return of(client, namespace, clusterName, null, null, null);
    }

    /**
     * Like {@link #of(KubernetesClient, String, String)}, from what the caller has already read (null: not read, so
     * asked for here): deploy has the applied Service, the nodes of its image check and the pods of its wait.
     */
    static ClusterEndpoints of(KubernetesClient client, String namespace, String clusterName, Service knownService,
                               List<Node> knownNodes, List<Pod> knownPods) {
        String svc = SparkLabels.masterService(clusterName);
        String inCluster = "spark://" + svc + "." + namespace + ".svc:" + SparkPorts.SPARK_RPC_PORT;
        String ui = "http://" + svc + "." + namespace + ".svc:" + SparkPorts.MASTER_UI_PORT;
        String uiFromHost = "kubectl port-forward -n " + namespace + " svc/" + svc + " 8080:8080, then open http://localhost:8080";
        Service service = knownService != null ? knownService
                : client.services().inNamespace(namespace).withName(svc).get();
        Integer nodePort = service == null ? null : rpcNodePort(service).orElse(null);
        List<String> fromHost = new ArrayList<>();
        if (nodePort != null) {
            for (String address : nodeAddresses(client, namespace, clusterName, knownNodes, knownPods)) {
                fromHost.add("spark://" + address + ":" + nodePort);
            }
        }
        String rpcPortForward = "kubectl port-forward -n " + namespace + " svc/" + svc + " 7077:7077";
        return new ClusterEndpoints(inCluster, fromHost, nodePort, ui, uiFromHost, rpcPortForward);
    }

    static Optional<Integer> rpcNodePort(Service service) {
        if (service.getSpec() == null || service.getSpec().getPorts() == null) {
            return Optional.empty();
        }
        return service.getSpec().getPorts().stream()
                .filter(p -> p.getPort() != null && p.getPort() == SparkPorts.SPARK_RPC_PORT)
                .map(ServicePort::getNodePort)
                .filter(p -> p != null && p > 0)
                .findFirst();
    }

    /**
     * Addresses of Ready nodes, without repeats: first the nodes that run this cluster's pods (they surely run
     * kube-proxy and route the NodePort; the master's node first), then the others. External addresses before
     * internal ones. Empty if nodes cannot be listed.
     */
    private static List<String> nodeAddresses(KubernetesClient client, String namespace, String clusterName,
                                              List<Node> knownNodes, List<Pod> knownPods) {
        List<Node> nodes;
        List<Pod> pods;
        try {
            nodes = knownNodes != null ? knownNodes : client.nodes().list().getItems();
            pods = knownPods != null ? knownPods
                    : client.pods().inNamespace(namespace).withLabels(SparkLabels.cluster(clusterName)).list().getItems();
        } catch (KubernetesClientException e) {
            return List.of(); // a namespace-scoped student identity may not list nodes
        }
        Map<String, Integer> rank = new HashMap<>();
        for (Pod pod : pods) {
            String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
            if (node != null) {
                boolean master = SparkLabels.MASTER.equals(pod.getMetadata().getLabels().get(SparkLabels.COMPONENT));
                rank.merge(node, master ? 0 : 1, Math::min);
            }
        }
        Set<String> addresses = new LinkedHashSet<>();
        nodes.stream()
                .filter(ClusterEndpoints::isReady)
                .sorted(Comparator.comparingInt(n -> rank.getOrDefault(n.getMetadata().getName(), 2)))
                .forEach(n -> pick(n.getStatus().getAddresses()).ifPresent(addresses::add));
        return addresses.stream().limit(MAX_NODE_ADDRESSES).toList();
    }

    private static boolean isReady(Node node) {
        return Nodes.isReady(node) && node.getStatus().getAddresses() != null;
    }

    private static Optional<String> pick(List<NodeAddress> addresses) {
        Optional<String> external = addresses.stream().filter(a -> "ExternalIP".equals(a.getType()))
                .map(NodeAddress::getAddress).findFirst();
        return external.isPresent() ? external
                : addresses.stream().filter(a -> "InternalIP".equals(a.getType())).map(NodeAddress::getAddress).findFirst();
    }
}
