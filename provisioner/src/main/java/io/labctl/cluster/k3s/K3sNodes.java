package io.labctl.cluster.k3s;

import io.labctl.cluster.ClusterSpec;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

import java.util.Map;

/**
 * The containers of a k3s lab cluster, configured but not started: one server (the master node) and agents
 * (the workers) on the cluster's own Docker network. Names, labels and the agents' K3S_URL follow from the
 * cluster name, so the containers can be found again by a later labctl process.
 */
final class K3sNodes {
    /** Pinned: a lab must not change Kubernetes version under the students between two runs. */
    static final String IMAGE = "rancher/k3s:v1.31.5-k3s1";
    static final String LABEL_CLUSTER = "io.labctl.cluster";
    static final String LABEL_ROLE = "io.labctl.role";
    static final int API_PORT = K3sContainer.KUBE_SECURE_PORT;

    private K3sNodes() {
    }

    static String network(String cluster) {
        return "labctl-" + cluster;
    }

    static String serverName(String cluster) {
        return "labctl-" + cluster + "-server";
    }

    static String agentName(String cluster, int index) {
        return "labctl-" + cluster + "-agent-" + index;
    }

    static Map<String, String> labels(String cluster, String role) {
        return Map.of(LABEL_CLUSTER, cluster, LABEL_ROLE, role);
    }

    /**
     * The master node. {@code withReuse(true)} keeps Testcontainers from registering it for removal at JVM exit:
     * a lab cluster outlives labctl, and `labctl cluster down` removes it.
     */
    static K3sContainer server(ClusterSpec spec, String image, String token, String host) {
        K3sContainer server = new K3sContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("rancher/k3s"));
        server.withReuse(true)
                .withNetworkMode(network(spec.name()))
                .withLabels(labels(spec.name(), "server"))
                .withEnv("K3S_TOKEN", token)
                .withCommand("server", "--disable=traefik", "--tls-san=" + host, "--node-name=" + spec.name() + "-master")
                .withCreateContainerCmdModifier(cmd -> {
                    cmd.withName(serverName(spec.name())).withHostName(spec.name() + "-master");
                    limit(cmd.getHostConfig(), spec);
                });
        return server;
    }

    /** A worker node: the same image as an agent joining the server by its container name on the network. */
    static GenericContainer<?> agent(ClusterSpec spec, String image, String token, int index) {
        GenericContainer<?> agent = new GenericContainer<>(DockerImageName.parse(image));
        agent.withReuse(true)
                .withPrivilegedMode(true)
                .withNetworkMode(network(spec.name()))
                .withLabels(labels(spec.name(), "agent"))
                .withEnv("K3S_URL", "https://" + serverName(spec.name()) + ":" + API_PORT)
                .withEnv("K3S_TOKEN", token)
                .withFileSystemBind("/sys/fs/cgroup", "/sys/fs/cgroup", BindMode.READ_WRITE)
                .withTmpFs(Map.of("/run", "", "/var/run", ""))
                .withCommand("agent", "--node-name=" + spec.name() + "-worker-" + index)
                .withCreateContainerCmdModifier(cmd -> {
                    cmd.withName(agentName(spec.name(), index)).withHostName(spec.name() + "-worker-" + index);
                    cmd.getHostConfig().withCgroupnsMode("host");
                    limit(cmd.getHostConfig(), spec);
                });
        return agent;
    }

    private static void limit(com.github.dockerjava.api.model.HostConfig host, ClusterSpec spec) {
        host.withNanoCPUs(spec.cpus() * 1_000_000_000L).withMemory(spec.memoryMiB() * 1024L * 1024L);
    }
}
