package io.labctl.cluster.k3s;

import io.labctl.cluster.ClusterRecord;
import io.labctl.cluster.ImageLoading;
import io.labctl.cluster.LocalImages;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.labctl.exec.Command;
import io.labctl.exec.ProcessRunner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * k3s has no image-loading command of its own: the {@code docker save} archive is copied into each node container
 * and imported into its containerd, in the namespace the kubelet uses. Each step is printed as the command it is.
 */
final class K3sImageLoading implements ImageLoading {
    static final String REMOTE_ARCHIVE = "/tmp/labctl-images.tar";

    private final ProcessRunner runner;
    private final LocalImages local;

    K3sImageLoading(ProcessRunner runner) {
        this.runner = runner;
        this.local = new LocalImages(runner);
    }

    @Override
    public List<String> load(ClusterRecord cluster, List<String> images, Progress progress) {
        List<String> nodes = runner.runChecked(Command.of("docker", "ps", "--filter", "label=" + K3sNodes.LABEL_CLUSTER
                        + "=" + cluster.name(), "--format", "{{.Names}}").withTimeout(Duration.ofMinutes(1)),
                ExitCode.UNREACHABLE, "is Docker running?").stdout().lines().filter(l -> !l.isBlank()).sorted().toList();
        if (nodes.isEmpty()) {
            throw LabctlException.precondition("no running node containers of k3s cluster '" + cluster.name() + "'",
                    "start it with `labctl cluster up " + cluster.name() + "`");
        }
        local.requirePresent(images);
        Path archive = local.save(images, progress);
        try {
            for (int i = 0; i < nodes.size(); i++) {
                String node = nodes.get(i);
                local.run(progress, "docker", "cp", archive.toString(), node + ":" + REMOTE_ARCHIVE);
                local.run(progress, "docker", "exec", node, "ctr", "-n", "k8s.io", "images", "import", REMOTE_ARCHIVE);
                local.run(progress, "docker", "exec", node, "rm", "-f", REMOTE_ARCHIVE);
                progress.counted("nodes with the images", i + 1, nodes.size());
            }
        } finally {
            LocalImages.delete(archive);
        }
        return nodes;
    }
}
