package io.labctl.image;

import io.labctl.cluster.ClusterRecord;
import io.labctl.cluster.vagrant.VagrantProvider;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.labctl.exec.Command;
import io.labctl.exec.ProcessRunner;
import io.labctl.ssh.SshResult;
import io.labctl.ssh.SshSession;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts locally built images on every node of a lab cluster, without a registry: k3s containers get the
 * {@code docker save} archive imported into their containerd, minikube loads them itself, Vagrant VMs get the
 * archive over SSH (host key checked) and import it with k3s's ctr. Each step prints the plain command.
 */
public final class ImageLoader {
    static final String REMOTE_ARCHIVE = "/tmp/labctl-images.tar";
    static final Duration STEP_TIMEOUT = Duration.ofMinutes(15);
    static final String K3S_LABEL = "io.labctl.cluster";

    private final ProcessRunner runner;
    private final VagrantProvider vagrant;

    public ImageLoader(ProcessRunner runner, VagrantProvider vagrant) {
        this.runner = runner;
        this.vagrant = vagrant;
    }

    /** Returns the nodes (containers, VMs or the minikube profile) the images were loaded into. */
    public List<String> load(ClusterRecord cluster, List<String> images, Progress progress) {
        return switch (cluster.provider()) {
            case k3s -> loadIntoK3s(cluster, images, progress);
            case minikube -> loadIntoMinikube(cluster, images, progress);
            case vagrant -> loadIntoVagrant(cluster, images, progress);
            case existing -> throw LabctlException.precondition("labctl cannot put images on the nodes of existing cluster '"
                    + cluster.name() + "'", "push them to a registry its nodes can pull from, or use the cluster's own"
                    + " tool (kind load docker-image, ctr -n k8s.io images import)");
        };
    }

    /** Whether the local Docker engine has the image. */
    public boolean presentLocally(String image) {
        return runner.find("docker").isPresent() && runner.run(Command.of("docker", "image", "inspect", "--format", "{{.Id}}", image)
                .withTimeout(Duration.ofMinutes(1))).succeeded();
    }

    /** Fails before anything is copied when an image was never built. */
    public void requireLocal(List<String> images) {
        for (String image : images) {
            if (!presentLocally(image)) {
                throw LabctlException.notFound("image " + image + " is not in the local Docker engine",
                        "build it first: labctl image build --tag " + image.substring(image.lastIndexOf(':') + 1));
            }
        }
    }

    private List<String> loadIntoK3s(ClusterRecord cluster, List<String> images, Progress progress) {
        requireLocal(images);
        List<String> nodes = runner.runChecked(Command.of("docker", "ps", "--filter", "label=" + K3S_LABEL + "=" + cluster.name(),
                        "--format", "{{.Names}}").withTimeout(Duration.ofMinutes(1)), ExitCode.UNREACHABLE,
                "is Docker running?").stdout().lines().filter(l -> !l.isBlank()).sorted().toList();
        if (nodes.isEmpty()) {
            throw LabctlException.precondition("no running node containers of k3s cluster '" + cluster.name() + "'",
                    "start it with `labctl cluster up " + cluster.name() + "`");
        }
        Path archive = save(images, progress);
        try {
            for (String node : nodes) {
                run(progress, "docker", "cp", archive.toString(), node + ":" + REMOTE_ARCHIVE);
                run(progress, "docker", "exec", node, "ctr", "-n", "k8s.io", "images", "import", REMOTE_ARCHIVE);
                run(progress, "docker", "exec", node, "rm", "-f", REMOTE_ARCHIVE);
            }
        } finally {
            deleteQuietly(archive);
        }
        return nodes;
    }

    private List<String> loadIntoMinikube(ClusterRecord cluster, List<String> images, Progress progress) {
        String profile = cluster.details().getOrDefault("profile", cluster.name());
        for (String image : images) {
            run(progress, "minikube", "image", "load", "-p", profile, image);
        }
        return List.of("minikube profile " + profile + " (all nodes)");
    }

    private List<String> loadIntoVagrant(ClusterRecord cluster, List<String> images, Progress progress) {
        requireLocal(images);
        Path project = Path.of(cluster.details().get("project"));
        Path archive = save(images, progress);
        List<String> loaded = new ArrayList<>();
        try {
            for (String machine : vagrant.machines(cluster)) {
                progress.step("scp " + archive.getFileName() + " " + machine + ":" + REMOTE_ARCHIVE
                        + " && ssh " + machine + " sudo k3s ctr -n k8s.io images import " + REMOTE_ARCHIVE);
                try (SshSession ssh = SshSession.open(vagrant.sshTarget(project, machine))) {
                    ssh.upload(archive, REMOTE_ARCHIVE);
                    SshResult result = ssh.exec("sudo -n k3s ctr -n k8s.io images import " + REMOTE_ARCHIVE
                            + "; status=$?; rm -f " + REMOTE_ARCHIVE + "; exit $status", STEP_TIMEOUT);
                    if (!result.succeeded()) {
                        throw LabctlException.precondition("importing the images on " + machine + " failed: "
                                + result.stderr().strip(), "is k3s running there? vagrant ssh " + machine);
                    }
                }
                loaded.add(machine);
            }
        } finally {
            deleteQuietly(archive);
        }
        return loaded;
    }

    private Path save(List<String> images, Progress progress) {
        try {
            Path archive = Files.createTempFile("labctl-images-", ".tar");
            List<String> args = new ArrayList<>(List.of("docker", "save", "-o", archive.toString()));
            args.addAll(images);
            run(progress, args.toArray(String[]::new));
            return archive;
        } catch (IOException e) {
            throw new LabctlException(ExitCode.PRECONDITION, "cannot create a temporary archive: " + e.getMessage(),
                    "check free space in " + System.getProperty("java.io.tmpdir"), e);
        }
    }

    private void run(Progress progress, String... arguments) {
        Command command = Command.of(arguments).withTimeout(STEP_TIMEOUT);
        progress.step(command.display());
        runner.runChecked(command, ExitCode.PRECONDITION, "see the message above");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file; the OS cleans up
        }
    }
}
