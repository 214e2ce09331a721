package io.labctl.cluster.minikube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labctl.cluster.ClusterProvider;
import io.labctl.cluster.ClusterRecord;
import io.labctl.cluster.ClusterRegistry;
import io.labctl.cluster.ClusterSpec;
import io.labctl.cluster.PreflightProblem;
import io.labctl.cluster.BuildEngine;
import io.labctl.cluster.ImageLoading;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * minikube profiles: {@code minikube start -p NAME --nodes 1+N}, its JSON step events shown as progress, its exit
 * codes explained. minikube writes its kubeconfig into a file of the cluster's own (KUBECONFIG for that call), so
 * the user's kubeconfig gets only the labctl-NAME context labctl adds.
 */
public final class MinikubeProvider implements ClusterProvider {
    static final Duration START_TIMEOUT = Duration.ofMinutes(20);

    /** minikube's own --driver; without it minikube picks one. */
    static final ProviderOption DRIVER = new ProviderOption("driver", "DRIVER",
            "minikube's --driver: docker, kvm2, virtualbox... (default: minikube picks)");

    private final ProcessRunner runner;
    private final ClusterRegistry registry;

    public MinikubeProvider(ProviderTools tools) {
        this.runner = tools.runner();
        this.registry = tools.registry();
    }

    @Override
    public String name() {
        return "minikube";
    }

    @Override
    public String needs() {
        return "minikube on PATH and a driver (docker, kvm2, virtualbox...)";
    }

    @Override
    public List<ProviderOption> options() {
        return List.of(DRIVER);
    }

    /** `minikube image load`, once per image: minikube puts it on every node of the profile. */
    @Override
    public Optional<ImageLoading> imageLoading() {
        return Optional.of((cluster, images, progress) -> {
            String profile = profile(cluster);
            for (String image : images) {
                Command load = Command.of("minikube", "image", "load", "-p", profile, image).withTimeout(START_TIMEOUT);
                progress.step(load.display());
                runner.runChecked(load, ExitCode.PRECONDITION, "see the message above; `minikube image ls -p " + profile + "`");
            }
            return List.of("minikube profile " + profile + " (all nodes)");
        });
    }

    /** `minikube image build`: built inside the profile's node, so no load is needed afterwards. */
    @Override
    public BuildEngine buildEngine(ClusterRecord record) {
        return new MinikubeBuildEngine(profile(record));
    }

    private static String profile(ClusterRecord record) {
        return record.details().getOrDefault("profile", record.name());
    }

    @Override
    public List<PreflightProblem> preflight(ClusterSpec spec) {
        List<PreflightProblem> problems = new ArrayList<>();
        if (runner.find("minikube").isEmpty()) {
            problems.add(PreflightProblem.providerUnavailable("minikube is not installed (not on PATH)",
                    "install minikube (minikube.sigs.k8s.io/docs/start)"));
        }
        int hostCpus = Runtime.getRuntime().availableProcessors();
        if (spec.cpus() > hostCpus) {
            problems.add(new PreflightProblem("--cpus " + spec.cpus() + " is more than this machine's " + hostCpus
                    + " CPUs (minikube refuses that)", "pass --cpus " + Math.max(1, hostCpus)));
        }
        long hostMiB = HostMemory.totalMiB();
        long neededMiB = (long) spec.memoryMiB() * spec.nodes();
        if (hostMiB > 0 && neededMiB > hostMiB) {
            problems.add(new PreflightProblem(spec.nodes() + " nodes of " + spec.memoryMiB() + " MiB need " + neededMiB
                    + " MiB, this machine has " + hostMiB + " MiB", "use fewer --workers or a smaller --memory"));
        }
        return problems;
    }

    /** The exact `minikube start` labctl runs (shown to students, and tested). */
    Command startCommand(ClusterSpec spec, Path kubeconfig) {
        Command start = Command.of("minikube", "start", "-p", spec.name(), "--nodes", String.valueOf(spec.nodes()),
                "--cpus", String.valueOf(spec.cpus()), "--memory", spec.memoryMiB() + "mb", "--embed-certs",
                "--output=json");
        String driver = spec.options().get(DRIVER.name());
        if (driver != null) {
            start = start.withArguments("--driver", driver);
        }
        return start.withEnvironment("KUBECONFIG", kubeconfig.toString()).withTimeout(START_TIMEOUT);
    }

    @Override
    public ProvisionedCluster up(ClusterSpec spec, Progress progress) {
        Path kubeconfig = kubeconfigFile(spec.name());
        Command start = startCommand(spec, kubeconfig);
        progress.step(start.display());
        AtomicReference<MinikubeEvent.Error> error = new AtomicReference<>();
        ProcessResult result = runner.run(start.onStdoutLine(line -> MinikubeEvent.parse(line).ifPresent(event -> {
            if (event instanceof MinikubeEvent.Step step) {
                progress.counted(step.message().strip(), step.current(), step.total());
            } else if (event instanceof MinikubeEvent.Error failure) {
                error.set(failure);
            } else if (event instanceof MinikubeEvent.Note note && note.kind().equals("warning")) {
                progress.note("minikube: " + note.message());
            }
        })));
        if (!result.succeeded()) {
            throw startFailure(spec.name(), result, error.get());
        }
        try {
            return new ProvisionedCluster(Files.readString(kubeconfig), Map.of("profile", spec.name()),
                    List.of("NodePorts from this host: minikube service -p " + spec.name() + " --url -n NAMESPACE SERVICE"));
        } catch (IOException e) {
            throw new LabctlException(ExitCode.INTERNAL, "minikube started but wrote no kubeconfig to " + kubeconfig, null, e);
        }
    }

    static LabctlException startFailure(String profile, ProcessResult result, MinikubeEvent.Error event) {
        int code = event != null && event.exitCode() != 0 ? event.exitCode() : result.exitCode();
        String detail = event != null && !event.message().isEmpty() ? event.message() : result.lastErrorLine();
        String fix = event != null && !event.advice().isEmpty() ? event.advice() : MinikubeExitCodes.fix(code);
        return new LabctlException(ExitCode.PRECONDITION, MinikubeExitCodes.cause(code) + " (minikube exit " + code
                + "): " + firstLine(detail), fix.replace("NAME", profile));
    }

    @Override
    public void down(ClusterRecord record, Progress progress) {
        Command delete = Command.of("minikube", "delete", "-p", record.name()).withTimeout(Duration.ofMinutes(5));
        progress.step(delete.display());
        runner.runChecked(delete, ExitCode.PRECONDITION, "see `minikube profile list`");
    }

    @Override
    public String runtimeState(ClusterRecord record) {
        if (runner.find("minikube").isEmpty()) {
            return "unknown: minikube is not installed";
        }
        // minikube status exits non-zero for stopped nodes but still prints its JSON.
        ProcessResult status = runner.run(Command.of("minikube", "status", "-p", record.name(), "-o", "json")
                .withTimeout(Duration.ofMinutes(1)));
        return describeStatus(status.stdout());
    }

    /** `minikube status -o json` prints one object per node (an array when there are several). */
    static String describeStatus(String json) {
        JsonNode root;
        try {
            root = Json.JSON.readTree(json);
        } catch (IOException e) {
            return "unknown: " + firstLine(json);
        }
        if (root == null || root.isMissingNode()) {
            return "gone: no such profile";
        }
        List<JsonNode> nodes = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(nodes::add);
        } else {
            nodes.add(root);
        }
        long running = nodes.stream().filter(n -> "Running".equals(n.path("Host").asText())
                && "Running".equals(n.path("Kubelet").asText())).count();
        return running == nodes.size() ? "running: " + running + " nodes" : running + " of " + nodes.size() + " nodes running";
    }

    /** The URLs `minikube service --url` prints for a Service, e.g. the master's 7077 from the host. */
    public List<String> serviceUrls(String profile, String namespace, String service) {
        ProcessResult result = runner.runChecked(Command.of("minikube", "service", "-p", profile, "--url", "-n", namespace,
                service).withTimeout(Duration.ofMinutes(1)), ExitCode.NOT_FOUND, "is the Service deployed? labctl spark status");
        return parseServiceUrls(result.stdout());
    }

    static List<String> parseServiceUrls(String stdout) {
        return stdout.lines().map(String::strip).filter(l -> l.matches("(https?|tcp)://\\S+")).toList();
    }

    private Path kubeconfigFile(String cluster) {
        try {
            Path dir = Files.createDirectories(registry.workDir(cluster));
            return dir.resolve("minikube.kubeconfig");
        } catch (IOException e) {
            throw new LabctlException(ExitCode.PRECONDITION, "cannot create " + registry.workDir(cluster) + ": "
                    + e.getMessage(), "check the permissions of ~/.labctl", e);
        }
    }

    private static String firstLine(String text) {
        String stripped = text == null ? "" : text.strip();
        int newline = stripped.indexOf('\n');
        return newline < 0 ? stripped : stripped.substring(0, newline);
    }

    /** Created on first use: building a mapper loads Jackson, which `--help` and most commands never need */
    private static final class Json {
        static final ObjectMapper JSON = new ObjectMapper();
    }
}
