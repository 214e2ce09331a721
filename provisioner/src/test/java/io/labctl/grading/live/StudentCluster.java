package io.labctl.grading.live;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.labctl.spark.standalone.MasterJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A student's Spark cluster as the API server holds it once it runs, for the live checks' unit tests on fabric8's
 * mock API server: the student's own YAML ({@code resources/grading/student-cluster.yaml}, what the grading ITs
 * apply with kubectl: Deployments {@code NAME-master}, {@code NAME-worker}, Service {@code NAME-master-svc}, the
 * student's labels {@code app/cluster/role}) plus what Kubernetes adds when it runs: Deployment status, one Ready
 * pod per replica with its IP, node ports, and the master's {@code /json/} served on the pod proxy path. Start from
 * {@link #healthy}, make one mistake with the methods below, then {@link #seed}.
 */
final class StudentCluster {
    /** The Spark image names of the student YAML. */
    static final String MASTER_IMAGE = "labctl/spark-master:3.5.7";
    static final String WORKER_IMAGE = "labctl/spark-worker:3.5.7";

    private final String namespace;
    private final String name;
    private final String subnet;
    private Deployment master;
    private Deployment worker;
    private final List<Service> services = new ArrayList<>();
    private final List<Pod> masterPods = new ArrayList<>();
    private final List<Pod> workerPods = new ArrayList<>();
    private int proxyStatus = 200;
    private Object proxyBody; // a String is served as it is, a Status as JSON

    private StudentCluster(String namespace, String name, String subnet) {
        this.namespace = namespace;
        this.name = name;
        this.subnet = subnet;
    }

    /** Cluster {@code name} with {@code workers} workers, pods on 10.244.1.0/24, every part as the lab asks. */
    static StudentCluster healthy(String namespace, String name, int workers) {
        return healthy(namespace, name, workers, "10.244.1");
    }

    /** The same on another pod subnet ("10.244.2"), for a second cluster beside the first. */
    static StudentCluster healthy(String namespace, String name, int workers, String subnet) {
        StudentCluster c = new StudentCluster(namespace, name, subnet);
        for (HasMetadata o : studentYaml(name, workers)) {
            if (o instanceof Deployment d && d.getMetadata().getName().endsWith("-master")) {
                c.master = running(d);
            } else if (o instanceof Deployment d) {
                c.worker = running(d);
            } else if (o instanceof Service s) {
                s.getSpec().setClusterIP(subnet.replace("10.244", "10.96") + ".1");
                s.getSpec().getPorts().forEach(p -> p.setNodePort(30_000 + p.getPort() % 1000));
                c.services.add(s);
            }
        }
        c.masterPods.add(pod(c.master, "m0", subnet + ".10"));
        for (int i = 0; i < workers; i++) {
            c.workerPods.add(pod(c.worker, "w" + i, c.workerIp(i)));
        }
        c.proxyBody = MasterJson.master("spark://" + c.masterIp() + ":7077").alive(c.workerIps())
                .dead(subnet + ".99").completed("JavaSparkPi", "FINISHED").toString();
        return c;
    }

    String namespace() {
        return namespace;
    }

    String name() {
        return name;
    }

    String masterIp() {
        return subnet + ".10";
    }

    String workerIp(int index) {
        return subnet + "." + (11 + index);
    }

    String[] workerIps() {
        return workerPods.stream().map(p -> p.getStatus().getPodIP()).toArray(String[]::new);
    }

    String masterPodName() {
        return masterPods.get(0).getMetadata().getName();
    }

    String workerPodName(int index) {
        return workerPods.get(index).getMetadata().getName();
    }

    // One mistake (or one fact) at a time.

    StudentCluster master(UnaryOperator<Deployment> change) {
        master = master == null ? null : change.apply(master);
        return this;
    }

    StudentCluster worker(UnaryOperator<Deployment> change) {
        worker = worker == null ? null : change.apply(worker);
        return this;
    }

    /** Changes the cluster's own Service ({@code NAME-master-svc}). */
    StudentCluster service(UnaryOperator<Service> change) {
        services.set(0, change.apply(services.get(0)));
        return this;
    }

    StudentCluster withService(Service another) {
        services.add(another);
        return this;
    }

    StudentCluster withoutService() {
        services.clear();
        return this;
    }

    StudentCluster withoutMaster() {
        master = null;
        masterPods.clear();
        return this;
    }

    StudentCluster withoutWorkers() {
        worker = null;
        workerPods.clear();
        return this;
    }

    StudentCluster masterPod(UnaryOperator<Pod> change) {
        masterPods.set(0, change.apply(masterPods.get(0)));
        return this;
    }

    StudentCluster workerPod(int index, UnaryOperator<Pod> change) {
        workerPods.set(index, change.apply(workerPods.get(index)));
        return this;
    }

    /** The Deployment's status as the controller reports it: {@code ready} of its replicas Ready. */
    static UnaryOperator<Deployment> readyReplicas(int ready) {
        return d -> new DeploymentBuilder(d).editStatus().withReadyReplicas(ready).withAvailableReplicas(ready).endStatus()
                .build();
    }

    /**
     * Puts a pod in the state of {@code like} (a {@link io.labctl.kube.TestPods} pod: unschedulable, crashing...),
     * keeping its name, labels and, unless it is Pending, its IP.
     */
    static UnaryOperator<Pod> inStateOf(Pod like) {
        return p -> {
            Pod changed = new PodBuilder(p).withStatus(like.getStatus()).build();
            if (!"Pending".equals(like.getStatus().getPhase())) {
                changed.getStatus().setPodIP(p.getStatus().getPodIP());
            }
            return changed;
        };
    }

    /** What the master answers on {@code :8080/json/}. */
    StudentCluster masterJson(MasterJson json) {
        return masterAnswers(json.toString());
    }

    /** What the master answers on {@code :8080/json/}, as text (something else than Spark's JSON, say). */
    StudentCluster masterAnswers(String body) {
        proxyStatus = 200;
        proxyBody = body;
        return this;
    }

    /** The API server's proxy answers 503: nothing listens on the master's 8080 (crashed, still starting). */
    StudentCluster masterNotListening() {
        proxyStatus = 503;
        proxyBody = new StatusBuilder().withStatus("Failure").withCode(503).withReason("ServiceUnavailable")
                .withMessage("error trying to reach service: dial tcp " + masterIp() + ":8080: connect: connection refused")
                .build();
        return this;
    }

    /** The grading identity lacks {@code get pods/proxy}: the API server answers 403 on the proxy path. */
    StudentCluster proxyForbidden() {
        proxyStatus = 403;
        proxyBody = new StatusBuilder().withStatus("Failure").withCode(403).withReason("Forbidden")
                .withMessage("pods \"" + masterPodName() + ":8080\" is forbidden: User \"system:serviceaccount:" + namespace
                        + ":grader\" cannot get resource \"pods/proxy\" in API group \"\" in the namespace \"" + namespace + "\"")
                .build();
        return this;
    }

    /** Creates everything in the mock API server and serves the master's {@code /json/} on the pod proxy path. */
    StudentCluster seed(KubernetesMockServer server, KubernetesClient client) {
        if (client.namespaces().withName(namespace).get() == null) {
            client.resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
        }
        List<HasMetadata> objects = new ArrayList<>();
        if (master != null) {
            objects.add(master);
        }
        if (worker != null) {
            objects.add(worker);
        }
        objects.addAll(services);
        objects.addAll(masterPods);
        objects.addAll(workerPods);
        objects.forEach(o -> client.resource(o).inNamespace(namespace).create());
        for (Pod m : masterPods) {
            server.expect().get().withPath("/api/v1/namespaces/" + namespace + "/pods/" + m.getMetadata().getName()
                    + ":8080/proxy/json/").andReturn(proxyStatus, proxyBody).always();
        }
        return this;
    }

    /**
     * Deletes a seeded pod that a finalizer holds, so it stays as Kubernetes shows a pod shutting down: with a
     * deletionTimestamp (the API server ignores one sent on create, and so does the mock).
     */
    static void terminate(KubernetesClient client, String namespace, String pod) {
        client.pods().inNamespace(namespace).withName(pod)
                .edit(p -> new PodBuilder(p).editMetadata().addToFinalizers("test/keep-while-terminating").endMetadata().build());
        client.pods().inNamespace(namespace).withName(pod).delete();
    }

    private static List<HasMetadata> studentYaml(String cluster, int workers) {
        try (InputStream in = StudentCluster.class.getResourceAsStream("/grading/student-cluster.yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("__CLUSTER__", cluster).replace("__WORKERS__", Integer.toString(workers));
            return new KubernetesSerialization().unmarshal(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Deployment as its controller leaves it once every replica is Ready. */
    private static Deployment running(Deployment d) {
        int replicas = d.getSpec().getReplicas();
        return new DeploymentBuilder(d).withNewStatus().withObservedGeneration(1L).withReplicas(replicas)
                .withUpdatedReplicas(replicas).withReadyReplicas(replicas).withAvailableReplicas(replicas).endStatus()
                .build();
    }

    /** A Ready pod of the Deployment, as its ReplicaSet creates it and the kubelet reports it. */
    private static Pod pod(Deployment owner, String suffix, String ip) {
        Map<String, String> labels = new LinkedHashMap<>(owner.getSpec().getTemplate().getMetadata().getLabels());
        labels.put("pod-template-hash", "5d8f7c9b4");
        String replicaSet = owner.getMetadata().getName() + "-5d8f7c9b4";
        return new PodBuilder().withNewMetadata().withName(replicaSet + "-" + suffix).withLabels(labels)
                .withCreationTimestamp("2026-11-22T10:15:00Z")
                .addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet").withName(replicaSet)
                .withUid("uid-" + replicaSet).withController(true).endOwnerReference()
                .endMetadata()
                .withSpec(owner.getSpec().getTemplate().getSpec())
                .editSpec().withNodeName("lab1-agent-1").endSpec()
                .withNewStatus().withPhase("Running").withPodIP(ip)
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .addNewContainerStatus().withName(owner.getSpec().getTemplate().getSpec().getContainers().get(0).getName())
                .withReady(true).withNewState().withNewRunning().withStartedAt("2026-11-22T10:15:05Z").endRunning().endState()
                .endContainerStatus()
                .endStatus().build();
    }
}
