package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.labctl.kube.ApiServerProxy;
import io.labctl.kube.KubeErrors;
import io.labctl.kube.PodDiagnosis;
import io.labctl.spark.standalone.ClusterStatus.PodLine;
import io.labctl.spark.standalone.ClusterStatus.Replicas;
import io.labctl.spark.standalone.ClusterStatus.ServiceLine;
import io.labctl.spark.standalone.ClusterStatus.SparkSummary;
import io.labctl.spark.standalone.StandaloneClusters.ClusterRef;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Reads the state of clusters for {@code status} and {@code list}. Read-only: get and list only. */
public final class StandaloneInspector {
    private final KubernetesClient client;
    private final StandaloneClusters clusters;
    private final SparkMasterClient masterClient;

    public StandaloneInspector(KubernetesClient client) {
        this.client = client;
        this.clusters = new StandaloneClusters(client);
        this.masterClient = new SparkMasterClient(client);
    }

    public ClusterStatus status(String namespace, String name) {
        Deployment master = clusters.requireMaster(namespace, name);
        Deployment workers = KubeErrors.call(client, () -> client.apps().deployments().inNamespace(namespace)
                .withName(SparkLabels.workerDeployment(name)).get(), "read the workers of " + name);
        List<Pod> pods = KubeErrors.call(client, () -> client.pods().inNamespace(namespace).withLabels(SparkLabels.cluster(name))
                .list().getItems(), "list the pods of " + name);
        Optional<MasterStatus> spark = readSpark(namespace, name);
        return new ClusterStatus(name, namespace, replicas(master), replicas(workers),
                pods.stream().sorted(Comparator.comparing((Pod p) -> component(p)).thenComparing(p -> p.getMetadata().getName()))
                        .map(StandaloneInspector::podLine).toList(),
                serviceLine(namespace, name), spark.map(SparkSummary::of).orElse(null),
                ClusterEndpoints.of(client, namespace, name), KubectlEquivalents.status(namespace, name));
    }

    /** Status of every cluster in the namespace (all namespaces when null). */
    public List<ClusterStatus> statusAll(String namespace) {
        List<ClusterStatus> all = new ArrayList<>();
        for (ClusterRef ref : clusters.list(namespace)) {
            if (clusters.master(ref.namespace(), ref.name()).isPresent()) {
                all.add(status(ref.namespace(), ref.name()));
            }
        }
        return all;
    }

    public List<ClusterStatus.Summary> list(String namespace) {
        List<ClusterStatus.Summary> rows = new ArrayList<>();
        for (ClusterRef ref : clusters.list(namespace)) {
            Deployment workers = KubeErrors.call(client, () -> client.apps().deployments().inNamespace(ref.namespace())
                    .withName(SparkLabels.workerDeployment(ref.name())).get(), "read workers");
            Replicas r = replicas(workers);
            Integer alive = readSpark(ref.namespace(), ref.name()).map(MasterStatus::aliveWorkerCount).orElse(null);
            rows.add(new ClusterStatus.Summary(ref.namespace(), ref.name(), r.desired(), r.ready(), alive,
                    "spark://" + SparkLabels.masterService(ref.name()) + "." + ref.namespace() + ".svc:"
                            + SparkPorts.SPARK_RPC_PORT,
                    workers == null ? null : workers.getSpec().getTemplate().getSpec().getContainers().get(0).getImage(),
                    workers == null ? null : workers.getMetadata().getCreationTimestamp()));
        }
        return rows;
    }

    private Optional<MasterStatus> readSpark(String namespace, String name) {
        try {
            return masterClient.status(namespace, name);
        } catch (ApiServerProxy.ProxyException e) {
            return Optional.empty(); // e.g. no pods/proxy permission: show Kubernetes' view only
        }
    }

    private ServiceLine serviceLine(String namespace, String name) {
        String svcName = SparkLabels.masterService(name);
        Service svc = KubeErrors.call(client, () -> client.services().inNamespace(namespace).withName(svcName).get(), "read " + svcName);
        if (svc == null) {
            return null;
        }
        Endpoints endpoints = KubeErrors.call(client, () -> client.endpoints().inNamespace(namespace).withName(svcName).get(),
                "read endpoints of " + svcName);
        int ready = endpoints == null || endpoints.getSubsets() == null ? 0 : endpoints.getSubsets().stream()
                .mapToInt(s -> s.getAddresses() == null ? 0 : (int) s.getAddresses().stream()
                        .map(EndpointAddress::getIp).distinct().count()).sum();
        List<String> ports = svc.getSpec().getPorts().stream()
                .map(p -> p.getName() + " " + p.getPort() + (p.getNodePort() == null ? "" : "->node:" + p.getNodePort()))
                .toList();
        return new ServiceLine(svcName, svc.getSpec().getType(), svc.getSpec().getClusterIP(), ports, ready);
    }

    private static PodLine podLine(Pod p) {
        return new PodLine(p.getMetadata().getName(), component(p),
                p.getStatus() == null ? null : p.getStatus().getPhase(), PodDiagnosis.isReady(p), PodDiagnosis.explain(p),
                p.getSpec().getNodeName(), p.getStatus() == null ? null : p.getStatus().getPodIP());
    }

    private static String component(Pod p) {
        return p.getMetadata().getLabels() == null ? "" : p.getMetadata().getLabels().getOrDefault(SparkLabels.COMPONENT, "");
    }

    private static Replicas replicas(Deployment d) {
        if (d == null) {
            return new Replicas(0, 0);
        }
        int desired = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        int ready = d.getStatus() == null || d.getStatus().getReadyReplicas() == null ? 0 : d.getStatus().getReadyReplicas();
        return new Replicas(desired, ready);
    }

}
