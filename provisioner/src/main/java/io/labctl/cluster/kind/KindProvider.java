package io.labctl.cluster.kind;

import io.labctl.cluster.ClusterProvider;
import io.labctl.cluster.ClusterRecord;
import io.labctl.cluster.ClusterRegistry;
import io.labctl.cluster.ClusterSpec;
import io.labctl.cluster.ImageLoading;
import io.labctl.cluster.LocalImages;
import io.labctl.cluster.PreflightProblem;
import io.labctl.cluster.ProviderOption;
import io.labctl.cluster.ProviderTools;
import io.labctl.cluster.ProvisionedCluster;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.labctl.exec.Command;
import io.labctl.exec.ProcessResult;
import io.labctl.exec.ProcessRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kind (Kubernetes IN Docker): the nodes are containers running systemd, containerd and a kubelet, made by the kind
 * CLI (driven like minikube and vagrant, through Commons Exec). Each cluster gets a Docker network of its own, so
 * clusters never share one and {@code down} leaves nothing behind; the kubeconfig is written to a file of the
 * cluster's own and merged as the labctl-NAME context.
 */
public final class KindProvider implements ClusterProvider {
    /** The kind release labctl is tested with; its config format and CLI are what this class speaks. */
    static final String TESTED_VERSION = "v0.33";
    static final ProviderOption NODE_IMAGE = new ProviderOption("node-image", "IMAGE",
            "kind's --image: the node image (default: kind's own for its version; offline: one built locally)");
    static final Duration CREATE_TIMEOUT = Duration.ofMinutes(15);
    /** systemd, containerd, the kubelet and the control plane: what a kind node needs before any pod. */
    static final long MIN_MEMORY_PER_NODE = 768L * 1024 * 1024;
    /** kind labels its node containers with the cluster's name. */
    static final String CLUSTER_LABEL = "io.x-k8s.kind.cluster";
    private static final Pattern VERSION = Pattern.compile("kind (v\\d+\\.\\d+)\\.\\d+");

    private final ProcessRunner runner;
    private final ClusterRegistry registry;

    public KindProvider(ProviderTools tools) {
        this.runner = tools.runner();
        this.registry = tools.registry();
    }

    @Override
    public String name() {
        return "kind";
    }

    @Override
    public String needs() {
        return "a Docker engine running and kind " + TESTED_VERSION + " on PATH (go install sigs.k8s.io/kind@v0.33.0)";
    }

    @Override
    public List<ProviderOption> options() {
        return List.of(NODE_IMAGE);
    }

    @Override
    public List<PreflightProblem> preflight(ClusterSpec spec) {
        List<PreflightProblem> problems = new ArrayList<>();
        if (runner.find("docker").isEmpty()) {
            problems.add(PreflightProblem.providerUnavailable("docker is not installed (kind runs nodes as containers)",
                    "install Docker (Docker Desktop, or sudo apt-get install docker.io)"));
            return problems;
        }
        ProcessResult info = runner.run(Command.of("docker", "info", "--format", "{{.MemTotal}}")
                .withTimeout(Duration.ofSeconds(30)));
        if (!info.succeeded()) {
            problems.add(PreflightProblem.providerUnavailable("no Docker engine answers: " + info.lastErrorLine(),
                    "start Docker (Docker Desktop, or `sudo systemctl start docker`)"));
            return problems;
        }
        if (runner.find("kind").isEmpty()) {
            problems.add(PreflightProblem.providerUnavailable("kind is not installed (not on PATH)",
                    "go install sigs.k8s.io/kind@v0.33.0 (or a release binary from kind's project page)"));
            return problems;
        }
        String version = version();
        if (!version.equals(TESTED_VERSION)) {
            problems.add(new PreflightProblem("kind " + version + " is installed; labctl speaks kind " + TESTED_VERSION
                    + "'s configuration and CLI", "go install sigs.k8s.io/kind@v0.33.0"));
        }
        long memory = parseLong(info.stdout().strip());
        long needed = MIN_MEMORY_PER_NODE * spec.nodes();
        if (memory > 0 && memory < needed) {
            problems.add(new PreflightProblem("the Docker engine has " + memory / (1 << 20) + " MiB of memory, "
                    + spec.nodes() + " kind nodes need at least " + needed / (1 << 20) + " MiB",
                    "give Docker more memory, or use fewer --workers"));
        }
        return problems;
    }

    /** {@code kind version} prints "kind v0.33.0 go1.26.8 linux/amd64": the minor release, as "v0.33". */
    String version() {
        ProcessResult result = runner.run(Command.of("kind", "version").withTimeout(Duration.ofSeconds(30)));
        Matcher m = VERSION.matcher(result.stdout());
        return m.find() ? m.group(1) : "(unknown: " + result.stdout().strip() + ")";
    }

    @Override
    public ProvisionedCluster up(ClusterSpec spec, Progress progress) {
        Path dir = workDir(spec.name());
        Path kubeconfig = dir.resolve("kind.kubeconfig");
        if (exists(spec.name())) {
            progress.note("kind cluster '" + spec.name() + "' already runs; reusing it");
            String yaml = runner.runChecked(kind(spec.name(), "get", "kubeconfig", "--name", spec.name()),
                    ExitCode.PRECONDITION, "see `kind get clusters`").stdout();
            return provisioned(spec.name(), yaml, dir);
        }
        Path config = dir.resolve("kind.yaml");
        write(config, KindConfig.yaml(spec.workers()));
        Command create = createCommand(spec, config, kubeconfig);
        progress.step(create.display());
        // kind's stages: node image, nodes, configuration, control plane, CNI, StorageClass, and joining workers.
        int stages = spec.workers() > 0 ? 7 : 6;
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        ProcessResult result = runner.run(create.onStderrLine(line -> {
            String step = line.strip();
            if (step.startsWith("✓")) {
                progress.counted(step.replaceFirst("^\\S+\\s*", ""), done.incrementAndGet(), stages);
            } else if (step.startsWith("•") || step.startsWith("✗")) {
                progress.update(step.replaceFirst("^\\S+\\s*", ""));
            }
        }));
        if (!result.succeeded()) {
            throw new LabctlException(ExitCode.PRECONDITION, "kind could not create '" + spec.name() + "': "
                    + result.lastErrorLine(), "see the lines above; remove what was created with `labctl cluster down "
                    + spec.name() + "`");
        }
        try {
            return provisioned(spec.name(), Files.readString(kubeconfig), dir);
        } catch (IOException e) {
            throw new LabctlException(ExitCode.INTERNAL, "kind created '" + spec.name() + "' but wrote no kubeconfig to "
                    + kubeconfig, null, e);
        }
    }

    /** The exact `kind create cluster` labctl runs (shown to students, and tested). */
    Command createCommand(ClusterSpec spec, Path config, Path kubeconfig) {
        List<String> args = new ArrayList<>(List.of("kind", "create", "cluster", "--name", spec.name(), "--config",
                config.toString(), "--kubeconfig", kubeconfig.toString()));
        Optional.ofNullable(spec.options().get(NODE_IMAGE.name())).ifPresent(image -> {
            args.add("--image");
            args.add(image);
        });
        return Command.of(args).withEnvironment(network(spec.name())).withTimeout(CREATE_TIMEOUT);
    }

    @Override
    public void down(ClusterRecord record, Progress progress) {
        if (runner.find("kind").isEmpty()) {
            throw LabctlException.precondition("kind is not installed; cannot remove the containers of " + record.name(),
                    "install kind again, or remove them with `docker rm -f` (label " + CLUSTER_LABEL + "=" + record.name() + ")");
        }
        Command delete = kind(record.name(), "delete", "cluster", "--name", record.name()).withTimeout(Duration.ofMinutes(5));
        progress.step(delete.display());
        runner.runChecked(delete, ExitCode.PRECONDITION, "see `kind get clusters` and `docker ps`");
        // kind keeps the network it was told to use; it is this cluster's alone.
        String network = network(record.name()).get("KIND_EXPERIMENTAL_DOCKER_NETWORK");
        if (runner.run(Command.of("docker", "network", "inspect", network).withTimeout(Duration.ofSeconds(30))).succeeded()) {
            runner.runChecked(Command.of("docker", "network", "rm", network).withTimeout(Duration.ofMinutes(1)),
                    ExitCode.PRECONDITION, "see `docker network inspect " + network + "`");
        }
    }

    @Override
    public String runtimeState(ClusterRecord record) {
        if (runner.find("docker").isEmpty()) {
            return "unknown: docker is not installed";
        }
        ProcessResult ps = runner.run(Command.of("docker", "ps", "-a", "--filter", "label=" + CLUSTER_LABEL + "="
                + record.name(), "--format", "{{.State}}").withTimeout(Duration.ofSeconds(30)));
        List<String> states = ps.stdout().lines().filter(l -> !l.isBlank()).toList();
        if (states.isEmpty()) {
            return "gone: no node containers";
        }
        long running = states.stream().filter("running"::equals).count();
        return running == states.size() ? "running: " + running + " node containers"
                : running + " of " + states.size() + " node containers running";
    }

    /** `kind load docker-image`: kind copies the images into every node's containerd. */
    @Override
    public Optional<ImageLoading> imageLoading() {
        LocalImages local = new LocalImages(runner);
        return Optional.of((cluster, images, progress) -> {
            local.requirePresent(images);
            List<String> args = new ArrayList<>(List.of("kind", "load", "docker-image"));
            args.addAll(images);
            args.addAll(List.of("--name", cluster.name()));
            local.run(progress, args.toArray(String[]::new));
            return runner.runChecked(kind(cluster.name(), "get", "nodes", "--name", cluster.name()),
                    ExitCode.PRECONDITION, "see `kind get nodes`").stdout().lines().filter(l -> !l.isBlank()).sorted().toList();
        });
    }

    @Override
    public String noImageLoadingHint() {
        return "kind load docker-image IMAGE --name NAME";
    }

    boolean exists(String cluster) {
        return runner.run(Command.of("kind", "get", "clusters").withTimeout(Duration.ofSeconds(30))).stdout().lines()
                .anyMatch(cluster::equals);
    }

    private ProvisionedCluster provisioned(String cluster, String kubeconfig, Path dir) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("network", network(cluster).get("KIND_EXPERIMENTAL_DOCKER_NETWORK"));
        details.put("workdir", dir.toString());
        return new ProvisionedCluster(kubeconfig, details, List.of("NodePorts from this host (Linux): any node"
                + " container's address, `docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "
                + cluster + "-worker`; with Docker Desktop: kubectl port-forward"));
    }

    /** A command of kind's for one cluster, on that cluster's own Docker network. */
    private Command kind(String cluster, String... args) {
        List<String> all = new ArrayList<>(List.of("kind"));
        all.addAll(List.of(args));
        return Command.of(all).withEnvironment(network(cluster)).withTimeout(Duration.ofMinutes(2));
    }

    /**
     * The cluster's own Docker network (kind's KIND_EXPERIMENTAL_DOCKER_NETWORK): kind otherwise puts every cluster on
     * one shared network, "kind", which it never removes.
     */
    static Map<String, String> network(String cluster) {
        return Map.of("KIND_EXPERIMENTAL_DOCKER_NETWORK", "labctl-kind-" + cluster);
    }

    private Path workDir(String cluster) {
        try {
            return Files.createDirectories(registry.workDir(cluster));
        } catch (IOException e) {
            throw new LabctlException(ExitCode.PRECONDITION, "cannot create " + registry.workDir(cluster) + ": "
                    + e.getMessage(), "check the permissions of ~/.labctl", e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new LabctlException(ExitCode.PRECONDITION, "cannot write " + file + ": " + e.getMessage(),
                    "check free space and the permissions of ~/.labctl", e);
        }
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
