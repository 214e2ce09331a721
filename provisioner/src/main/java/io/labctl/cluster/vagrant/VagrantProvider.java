package io.labctl.cluster.vagrant;

import io.labctl.cluster.ClusterProvider;
import io.labctl.cluster.ClusterRecord;
import io.labctl.cluster.ClusterRegistry;
import io.labctl.cluster.ClusterSpec;
import io.labctl.cluster.PreflightProblem;
import io.labctl.cluster.ImageLoading;
import io.labctl.cluster.LocalImages;
import io.labctl.cluster.ProviderTools;
import io.labctl.cluster.ProvisionedCluster;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.labctl.exec.Command;
import io.labctl.exec.ProcessResult;
import io.labctl.exec.ProcessRunner;
import io.labctl.ssh.SshSession;
import io.labctl.ssh.SshTarget;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * VirtualBox VMs from the checkout's Vagrantfile, provisioned by the Ansible playbooks (k3s server on the master,
 * agents on the workers). Each cluster gets a Vagrant project directory of its own (a copy of the Vagrantfile,
 * settings.yaml and playbooks/) and a host-only /24 of its own, so several clusters coexist. The kubeconfig is
 * fetched over SSH with JSch, checking each VM's host key against the key the VM recorded through the synced
 * folder (Vagrant itself turns host-key checking off).
 */
public final class VagrantProvider implements ClusterProvider {
    /** VirtualBox allows host-only networks in 192.168.56.0/21: eight /24s, one per cluster. */
    static final List<String> NETWORK_PREFIXES = List.of("192.168.56", "192.168.57", "192.168.58", "192.168.59",
            "192.168.60", "192.168.61", "192.168.62", "192.168.63");
    static final String MASTER = "master";
    static final String MASTER_SUFFIX = "10";
    static final Duration UP_TIMEOUT = Duration.ofMinutes(45);
    static final String KUBECONFIG_PATH = "/etc/rancher/k3s/k3s.yaml";

    private final ProcessRunner runner;
    private final ClusterRegistry registry;
    private final Path home;

    /** Uses the labctl checkout ({@link ProviderTools#home()}) for its Vagrantfile, settings.yaml and playbooks/. */
    public VagrantProvider(ProviderTools tools) {
        this.runner = tools.runner();
        this.registry = tools.registry();
        this.home = tools.home();
    }

    @Override
    public String name() {
        return "vagrant";
    }

    @Override
    public String needs() {
        return "vagrant, VirtualBox 7 and ansible-playbook on PATH";
    }

    @Override
    public Optional<ImageLoading> imageLoading() {
        return Optional.of(new VagrantImageLoading(this, new LocalImages(runner)));
    }

    @Override
    public List<PreflightProblem> preflight(ClusterSpec spec) {
        List<PreflightProblem> problems = new ArrayList<>();
        require(problems, "vagrant", "install Vagrant (Debian/Ubuntu: sudo apt-get install vagrant)");
        require(problems, "VBoxManage", "install VirtualBox 7 (the Vagrantfile's provider)");
        require(problems, "ansible-playbook", "install Ansible (pip install ansible-core)");
        if (home == null || !Files.isRegularFile(home.resolve("Vagrantfile"))) {
            problems.add(new PreflightProblem("no Vagrantfile in the labctl checkout", "run labctl from its checkout or set LABCTL_HOME"));
        }
        if (registry.find(spec.name()).isEmpty() && freePrefix(spec.name()) == null) {
            problems.add(new PreflightProblem("all eight host-only networks (192.168.56-63.0/24) are used by other"
                    + " Vagrant clusters", "remove one with `labctl cluster down NAME`"));
        }
        return problems;
    }

    @Override
    public ProvisionedCluster up(ClusterSpec spec, Progress progress) {
        String prefix = registry.find(spec.name()).map(r -> r.details().get("network_prefix")).orElse(freePrefix(spec.name()));
        Path project = prepareProject(spec.name());
        Command up = vagrant(project, spec, prefix, "up", "--machine-readable").withTimeout(UP_TIMEOUT);
        progress.step("vagrant up (" + spec.nodes() + " VMs on " + prefix + ".0/24, provisioned by playbooks/site.yml)");
        AtomicReference<MachineReadableLine> failure = new AtomicReference<>();
        ProcessResult result = runner.run(up.onStdoutLine(line -> MachineReadableLine.parse(line).ifPresent(event -> {
            switch (event.type()) {
                case "ui" -> {
                    String text = MachineReadableLine.firstLine(event.data(1));
                    if (text.startsWith("==> ") || text.startsWith("TASK [") || text.startsWith("PLAY [")) {
                        progress.update(text.replaceFirst("^==> ", ""));
                    }
                }
                case "action" -> progress.note(event.target() + ": " + event.data(0) + " " + event.data(1));
                case "error-exit" -> failure.set(event);
                default -> {
                    // metadata, state...: not progress
                }
            }
        })));
        if (!result.succeeded() || failure.get() != null) {
            throw upFailure(spec.name(), result, failure.get());
        }
        String masterIp = prefix + "." + MASTER_SUFFIX;
        String kubeconfig = fetchKubeconfig(project, masterIp, progress);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("project", project.toString());
        details.put("network_prefix", prefix);
        details.put("master_ip", masterIp);
        return new ProvisionedCluster(kubeconfig, details,
                List.of("NodePorts from this host: http://" + masterIp + ":PORT (any node's " + prefix + ".x address)"));
    }

    static LabctlException upFailure(String cluster, ProcessResult result, MachineReadableLine errorExit) {
        String message = errorExit != null ? errorExit.data(0).replaceFirst("^Vagrant::Errors::", "") + ": "
                + MachineReadableLine.firstLine(errorExit.data(1)) : "exit " + result.exitCode() + ": " + result.lastErrorLine();
        return new LabctlException(ExitCode.PRECONDITION, "vagrant up of '" + cluster + "' failed: " + message,
                "fix the cause, then run `labctl cluster up " + cluster + " --provider vagrant` again (it continues), or"
                        + " remove the VMs with `labctl cluster down " + cluster + "`");
    }

    /** The kubeconfig k3s wrote on the master, with its server moved from 127.0.0.1 to the private-network IP. */
    private String fetchKubeconfig(Path project, String masterIp, Progress progress) {
        progress.step("Fetching the kubeconfig from " + MASTER + " over SSH (host key checked)");
        SshTarget target = sshTarget(project, MASTER);
        try (SshSession ssh = SshSession.open(target)) {
            return rewriteServer(ssh.readFile(KUBECONFIG_PATH, true), masterIp);
        }
    }

    static String rewriteServer(String kubeconfig, String masterIp) {
        return kubeconfig.replaceAll("server: https://(127\\.0\\.0\\.1|localhost|0\\.0\\.0\\.0):6443",
                "server: https://" + masterIp + ":6443");
    }

    /** Where to SSH into a VM (from `vagrant ssh-config`) plus the host key the VM recorded in the synced folder. */
    public SshTarget sshTarget(Path project, String machine) {
        ProcessResult config = runner.runChecked(Command.of("vagrant", "ssh-config", machine).withDirectory(project)
                .withTimeout(Duration.ofMinutes(2)), ExitCode.PRECONDITION, "is the VM running? labctl cluster status");
        SshTarget target = SshConfigParser.parse(config.stdout()).get(machine);
        if (target == null) {
            throw LabctlException.precondition("vagrant ssh-config printed nothing for " + machine, "is the VM created?");
        }
        Path key = project.resolve(".labctl/host-keys/" + machine + ".pub");
        try {
            return target.withHostPublicKey(Files.readString(key).strip());
        } catch (IOException e) {
            throw LabctlException.precondition("the VM " + machine + " has not recorded its SSH host key (" + key + ")",
                    "run `vagrant provision " + machine + "` in " + project + " so it records it");
        }
    }

    /** The machine names of a cluster's project, master first. */
    public List<String> machines(ClusterRecord record) {
        List<String> machines = new ArrayList<>(List.of(MASTER));
        for (int i = 1; i <= record.workers(); i++) {
            machines.add("worker-" + i);
        }
        return machines;
    }

    @Override
    public void down(ClusterRecord record, Progress progress) {
        Path project = project(record);
        if (Files.isRegularFile(project.resolve("Vagrantfile"))) {
            Command destroy = vagrant(project, specOf(record), record.details().get("network_prefix"), "destroy", "-f",
                    "--machine-readable").withTimeout(Duration.ofMinutes(15));
            progress.step("vagrant destroy -f (" + project + ")");
            runner.runChecked(destroy, ExitCode.PRECONDITION, "see `vagrant global-status`; remove leftovers in VirtualBox");
        }
        deleteTree(project);
    }

    @Override
    public String runtimeState(ClusterRecord record) {
        Path project = project(record);
        if (!Files.isDirectory(project)) {
            return "gone: no Vagrant project";
        }
        if (runner.find("vagrant").isEmpty()) {
            return "unknown: vagrant is not installed";
        }
        ProcessResult status = runner.run(vagrant(project, specOf(record), record.details().get("network_prefix"), "status",
                "--machine-readable").withTimeout(Duration.ofMinutes(2)));
        return describeStatus(status.stdout());
    }

    /** "running: 3 VMs", "2 of 3 VMs running (worker-2 poweroff)", or Vagrant's own error. */
    static String describeStatus(String machineReadable) {
        Map<String, String> states = new TreeMap<>();
        String error = null;
        for (String line : machineReadable.split("\n")) {
            var parsed = MachineReadableLine.parse(line);
            if (parsed.isEmpty()) {
                continue;
            }
            MachineReadableLine event = parsed.get();
            if (event.type().equals("state") && !event.target().isEmpty()) {
                states.put(event.target(), event.data(0));
            } else if (event.type().equals("error-exit")) {
                error = MachineReadableLine.firstLine(event.data(1));
            }
        }
        if (error != null) {
            return "unknown: " + error;
        }
        long running = states.values().stream().filter("running"::equals).count();
        if (!states.isEmpty() && running == states.size()) {
            return "running: " + running + " VMs";
        }
        String others = states.entrySet().stream().filter(e -> !"running".equals(e.getValue()))
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        return running + " of " + states.size() + " VMs running" + (others.isEmpty() ? "" : " (" + others + ")");
    }

    Command vagrant(Path project, ClusterSpec spec, String prefix, String... arguments) {
        List<String> args = new ArrayList<>(List.of("vagrant"));
        args.addAll(List.of(arguments));
        Command command = Command.of(args).withDirectory(project).withEnvironment("VAGRANT_CWD", project.toString());
        if (prefix != null) {
            command = command.withEnvironment("LABCTL_NETWORK_PREFIX", prefix);
        }
        if (spec != null) {
            command = command.withEnvironment(Map.of("LABCTL_CLUSTER_NAME", spec.name(),
                    "LABCTL_WORKERS", String.valueOf(spec.workers()), "LABCTL_CPUS", String.valueOf(spec.cpus()),
                    "LABCTL_MEMORY_MB", String.valueOf(spec.memoryMiB())));
        }
        return command;
    }

    /**
     * The sizes the cluster was created with: `vagrant destroy` and `status` must see the same machines as `up`,
     * or a worker beyond settings.yaml's default count would be left running and unreported.
     */
    private static ClusterSpec specOf(ClusterRecord record) {
        return new ClusterSpec(record.name(), record.provider(), record.workers(), record.cpus(), record.memoryMiB(), null, null,
                Map.of());
    }

    /** A private Vagrant project per cluster: .vagrant/ state must not be shared between clusters. */
    private Path prepareProject(String cluster) {
        Path project = registry.workDir(cluster);
        try {
            Files.createDirectories(project);
            Files.copy(home.resolve("Vagrantfile"), project.resolve("Vagrantfile"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(home.resolve("settings.yaml"), project.resolve("settings.yaml"), StandardCopyOption.REPLACE_EXISTING);
            Path playbooks = home.resolve("playbooks");
            try (Stream<Path> files = Files.walk(playbooks)) {
                for (Path source : (Iterable<Path>) files::iterator) {
                    Path target = project.resolve("playbooks").resolve(playbooks.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return project;
        } catch (IOException e) {
            throw new LabctlException(ExitCode.PRECONDITION, "cannot prepare the Vagrant project " + project + ": "
                    + e.getMessage(), "check free space and the permissions of ~/.labctl", e);
        }
    }

    private Path project(ClusterRecord record) {
        String project = record.details().get("project");
        return project == null ? registry.workDir(record.name()) : Path.of(project);
    }

    private String freePrefix(String cluster) {
        Set<String> used = registry.list().stream().filter(r -> name().equals(r.provider()))
                .filter(r -> !r.name().equals(cluster))
                .map(r -> r.details().get("network_prefix")).collect(Collectors.toSet());
        return NETWORK_PREFIXES.stream().filter(p -> !used.contains(p)).findFirst().orElse(null);
    }

    private void require(List<PreflightProblem> problems, String program, String fix) {
        if (runner.find(program).isEmpty()) {
            problems.add(PreflightProblem.providerUnavailable(program + " is not installed (not on PATH)", fix));
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new LabctlException(ExitCode.PRECONDITION, "cannot remove " + dir + ": " + e.getMessage(), null, e);
        }
    }
}
