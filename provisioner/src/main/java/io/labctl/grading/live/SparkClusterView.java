package io.labctl.grading.live;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.labctl.kube.ApiServerProxy;
import io.labctl.kube.PodDiagnosis;
import io.labctl.spark.standalone.MasterStatus;
import io.labctl.spark.standalone.SparkPorts;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One student Spark cluster as graded: whatever built it (labctl, or kubectl with the student's own
 * YAML), a cluster named C is the Deployments {@code C-master} and {@code C-worker} in a namespace,
 * their pods (found through each Deployment's own selector, not through labels labctl would set),
 * and the master's {@code /json/} read through the API server's pod proxy. Everything is read once
 * per grading run through {@link LiveCluster#memo}.
 */
public final class SparkClusterView {
    private final LiveCluster live;
    private final KubernetesClient client;
    private final String namespace;
    private final String cluster;

    public SparkClusterView(LiveCluster live, String namespace, String cluster) {
        this.live = live;
        this.client = live.client();
        this.namespace = namespace;
        this.cluster = cluster;
    }

    public String namespace() {
        return namespace;
    }

    public String cluster() {
        return cluster;
    }

    public String deploymentName(String role) {
        return cluster + "-" + role;
    }

    /** The Deployment of a role ("master", "worker"), or empty. */
    public Optional<Deployment> deployment(String role) {
        String name = deploymentName(role);
        return LiveQueries.deployment(live, namespace, name);
    }

    /** The non-terminating pods a Deployment's selector matches. */
    public List<Pod> pods(String role) {
        return deployment(role).map(d -> live.memo("pods/" + namespace + "/" + d.getMetadata().getName(), () -> {
            Map<String, String> selector = d.getSpec().getSelector() == null ? null
                    : d.getSpec().getSelector().getMatchLabels();
            if (selector == null || selector.isEmpty()) {
                return List.<Pod>of();
            }
            return client.pods().inNamespace(namespace).withLabels(selector).list().getItems().stream()
                    .filter(p -> !PodDiagnosis.isTerminating(p))
                    .sorted(Comparator.comparing(p -> p.getMetadata().getName())).toList();
        })).orElse(List.of());
    }

    /** The running master pod (the newest when a restart overlaps), or empty. */
    public Optional<Pod> masterPod() {
        return pods("master").stream()
                .filter(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase()))
                .max(Comparator.comparing(p -> p.getMetadata().getCreationTimestamp()));
    }

    /** Every Service of the namespace. */
    public List<Service> services() {
        return LiveQueries.services(live, namespace);
    }

    /** The master's raw {@code /json/}; empty when no master pod runs or it does not answer. */
    public Optional<String> masterJson() {
        return live.memo("masterjson/" + namespace + "/" + cluster, () -> masterPod().flatMap(pod -> {
            Optional<String> json = new ApiServerProxy(client).getFromPod(namespace, pod.getMetadata().getName(),
                    SparkPorts.MASTER_UI_PORT, "/json/");
            json.ifPresent(j -> live.recordMasterJson(namespace + "/" + cluster, j));
            return json;
        }));
    }

    /** The parsed master status; empty when {@link #masterJson()} is, or it is not Spark's JSON. */
    public Optional<MasterStatus> masterStatus() {
        return masterJson().flatMap(json -> {
            try {
                return Optional.of(MasterStatus.parse(json));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /** "namespace/name" for messages. */
    public String where(String name) {
        return namespace + "/" + name;
    }

    /** True when a Service's non-empty selector matches these labels. */
    public static boolean selects(Service svc, Map<String, String> labels) {
        Map<String, String> selector = svc.getSpec() == null ? null : svc.getSpec().getSelector();
        return selector != null && !selector.isEmpty() && labels != null
                && labels.entrySet().containsAll(selector.entrySet());
    }
}
