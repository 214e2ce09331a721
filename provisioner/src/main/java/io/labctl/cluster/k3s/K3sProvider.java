package io.labctl.cluster.k3s;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Ports;
import io.labctl.cluster.ClusterProvider;
import io.labctl.cluster.ClusterRecord;
import io.labctl.cluster.ClusterSpec;
import io.labctl.cluster.PreflightProblem;
import io.labctl.cluster.ImageLoading;
import io.labctl.cluster.ProviderTools;
import io.labctl.cluster.ProvisionedCluster;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.TestcontainersConfiguration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * k3s in Docker through Testcontainers: a server container (master) and agent containers (workers) on a Docker
 * network of the cluster's own. Testcontainers finds the engine (DOCKER_HOST, Docker Desktop, rootless) and
 * configures k3s's container the way k3s needs (privileged, host cgroup namespace, tmpfs /run).
 */
public final class K3sProvider implements ClusterProvider {
    /** k3s, containerd and the kubelet need about this much per node before any pod runs. */
    static final long MIN_MEMORY_PER_NODE = 512L * 1024 * 1024;

    private final String image;
    private final boolean offline;
    private final ProviderTools tools;

    /** LABCTL_OFFLINE=1 says no registry can be reached: a missing k3s image is then a preflight failure. */
    public K3sProvider(ProviderTools tools) {
        this(K3sNodes.IMAGE, "1".equals(tools.environment().get("LABCTL_OFFLINE")), tools);
    }

    public K3sProvider(String image, boolean offline, ProviderTools tools) {
        this.image = image;
        this.offline = offline;
        this.tools = tools;
    }

    @Override
    public String name() {
        return "k3s";
    }

    @Override
    public String needs() {
        return "a Docker engine running; the " + K3sNodes.IMAGE + " image (pulled once)";
    }

    @Override
    public Optional<ImageLoading> imageLoading() {
        return Optional.of(new K3sImageLoading(tools.runner()));
    }

    @Override
    public List<PreflightProblem> preflight(ClusterSpec spec) {
        List<PreflightProblem> problems = new ArrayList<>();
        if (!dockerAvailable()) {
            problems.add(PreflightProblem.providerUnavailable("no Docker engine answers (the k3s provider runs nodes as"
                    + " containers)", "start Docker (Docker Desktop, or `sudo systemctl start docker`)"));
            return problems;
        }
        if (!TestcontainersConfiguration.getInstance().environmentSupportsReuse()) {
            problems.add(new PreflightProblem("Testcontainers would remove the cluster when labctl exits",
                    "run labctl through its launcher, which sets TESTCONTAINERS_REUSE_ENABLE=true (or export it)"));
        }
        DockerClient docker = DockerClientFactory.instance().client();
        Info info = docker.infoCmd().exec();
        long needed = MIN_MEMORY_PER_NODE * spec.nodes();
        if (info.getMemTotal() != null && info.getMemTotal() < needed) {
            problems.add(new PreflightProblem("the Docker engine has " + info.getMemTotal() / (1 << 20) + " MiB of memory, "
                    + spec.nodes() + " k3s nodes need at least " + needed / (1 << 20) + " MiB",
                    "give Docker more memory, or use fewer --workers"));
        }
        List<Container> leftovers = containers(docker, spec.name());
        boolean serverRunning = leftovers.stream().anyMatch(c -> isServer(c) && "running".equals(c.getState()));
        if (!leftovers.isEmpty() && !serverRunning) {
            problems.add(new PreflightProblem("containers of an earlier '" + spec.name() + "' cluster exist but its server"
                    + " is not running", "remove them with `labctl cluster down " + spec.name() + "`"));
        }
        if (!serverRunning && !imagePresent(docker) && offline) {
            problems.add(new PreflightProblem("the image " + image + " is not in the Docker engine and cannot be pulled",
                    "load it once with `docker load -i k3s.tar` (saved where it can be pulled)", true));
        }
        return problems;
    }

    @Override
    public ProvisionedCluster up(ClusterSpec spec, Progress progress) {
        DockerClient docker = DockerClientFactory.instance().client();
        String host = DockerClientFactory.instance().dockerHostIpAddress();
        List<Container> existing = containers(docker, spec.name());
        if (existing.stream().anyMatch(c -> isServer(c) && "running".equals(c.getState()))) {
            progress.note("k3s cluster '" + spec.name() + "' already runs; reusing it");
            return provisioned(docker, spec.name(), host, kubeconfigOfRunning(docker, spec.name(), host));
        }
        ensureNetwork(docker, spec.name());
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
        progress.step("Starting k3s server " + K3sNodes.serverName(spec.name()) + " (" + image + ")");
        String kubeconfig;
        // Never closed: close() stops the container, and a lab cluster keeps running after labctl exits.
        K3sContainer server = K3sNodes.server(spec, image, token, host);
        try {
            server.start();
            kubeconfig = server.getKubeConfigYaml();
        } catch (RuntimeException e) {
            throw startFailure(spec, "server", e);
        }
        for (int i = 1; i <= spec.workers(); i++) {
            progress.step("Starting k3s agent " + K3sNodes.agentName(spec.name(), i));
            GenericContainer<?> agent = K3sNodes.agent(spec, image, token, i);
            try {
                agent.start();
            } catch (RuntimeException e) {
                throw startFailure(spec, "agent " + i, e);
            }
        }
        return provisioned(docker, spec.name(), host, kubeconfig);
    }

    @Override
    public void down(ClusterRecord record, Progress progress) {
        if (!dockerAvailable()) {
            throw new LabctlException(ExitCode.UNREACHABLE, "no Docker engine answers; cannot remove the containers of "
                    + record.name(), "start Docker and run `labctl cluster down " + record.name() + "` again");
        }
        DockerClient docker = DockerClientFactory.instance().client();
        for (Container container : containers(docker, record.name())) {
            progress.update("removing " + String.join(",", container.getNames()));
            try {
                // k3s keeps its state in anonymous volumes; they go with the container.
                docker.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
            } catch (NotFoundException alreadyGone) {
                // removed concurrently: the goal is reached
            }
        }
        docker.listNetworksCmd().withNameFilter(K3sNodes.network(record.name())).exec().stream()
                .filter(n -> record.name().equals(n.getLabels() == null ? null : n.getLabels().get(K3sNodes.LABEL_CLUSTER)))
                .forEach(n -> docker.removeNetworkCmd(n.getId()).exec());
    }

    @Override
    public String runtimeState(ClusterRecord record) {
        if (!dockerAvailable()) {
            return "unknown: no Docker engine answers";
        }
        List<Container> containers = containers(DockerClientFactory.instance().client(), record.name());
        if (containers.isEmpty()) {
            return "gone: no containers";
        }
        long running = containers.stream().filter(c -> "running".equals(c.getState())).count();
        return running == containers.size() ? "running: " + running + " containers"
                : running + " of " + containers.size() + " containers running";
    }

    /** The containers of one cluster, found by label (never by name prefix: another cluster may share it). */
    static List<Container> containers(DockerClient docker, String cluster) {
        return docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(K3sNodes.LABEL_CLUSTER, cluster)).exec();
    }

    private static boolean isServer(Container container) {
        return "server".equals(container.getLabels().get(K3sNodes.LABEL_ROLE));
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean imagePresent(DockerClient docker) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static void ensureNetwork(DockerClient docker, String cluster) {
        String name = K3sNodes.network(cluster);
        if (docker.listNetworksCmd().withNameFilter(name).exec().stream().noneMatch(n -> name.equals(n.getName()))) {
            docker.createNetworkCmd().withName(name).withLabels(K3sNodes.labels(cluster, "network")).exec();
        }
    }

    private LabctlException startFailure(ClusterSpec spec, String what, RuntimeException e) {
        String cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
        return new LabctlException(ExitCode.PRECONDITION, "the k3s " + what + " of '" + spec.name() + "' did not start: "
                + cause, "see `docker logs " + K3sNodes.serverName(spec.name()) + "`; remove what was created with"
                + " `labctl cluster down " + spec.name() + "`", e);
    }

    private ProvisionedCluster provisioned(DockerClient docker, String cluster, String host, String kubeconfig) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("image", image);
        details.put("network", K3sNodes.network(cluster));
        details.put("server", K3sNodes.serverName(cluster));
        List<String> access = new ArrayList<>();
        access.add("API server: " + serverUrl(docker, cluster, host));
        access.add("NodePorts: on Linux, at any node container's IP (docker inspect " + K3sNodes.serverName(cluster)
                + "); with Docker Desktop, use `kubectl port-forward svc/NAME 7077:7077`");
        return new ProvisionedCluster(kubeconfig, details, access);
    }

    private static String serverUrl(DockerClient docker, String cluster, String host) {
        InspectContainerResponse server = docker.inspectContainerCmd(K3sNodes.serverName(cluster)).exec();
        Ports.Binding[] bindings = server.getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(K3sNodes.API_PORT));
        if (bindings == null || bindings.length == 0) {
            throw new LabctlException(ExitCode.PRECONDITION, "the k3s server of '" + cluster + "' publishes no API port",
                    "remove it with `labctl cluster down " + cluster + "` and create it again");
        }
        return "https://" + host + ":" + bindings[0].getHostPortSpec();
    }

    /** A second `up` of a running cluster: its kubeconfig again, pointed at the port published now. */
    private static String kubeconfigOfRunning(DockerClient docker, String cluster, String host) {
        try (InputStream archive = docker.copyArchiveFromContainerCmd(K3sNodes.serverName(cluster),
                "/etc/rancher/k3s/k3s.yaml").exec(); TarArchiveInputStream tar = new TarArchiveInputStream(archive)) {
            if (tar.getNextEntry() == null) {
                throw new IOException("empty archive");
            }
            String raw = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            ObjectNode config = (ObjectNode) yaml.readTree(raw);
            ((ObjectNode) config.at("/clusters/0/cluster")).set("server", new TextNode(serverUrl(docker, cluster, host)));
            return yaml.writeValueAsString(config);
        } catch (IOException e) {
            throw new LabctlException(ExitCode.PRECONDITION, "cannot read the kubeconfig of the running k3s server of '"
                    + cluster + "': " + e.getMessage(), "see `docker logs " + K3sNodes.serverName(cluster) + "`", e);
        }
    }
}
