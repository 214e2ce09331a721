package io.labctl.cluster.vagrant;

import io.labctl.cluster.ClusterRecord;
import io.labctl.cluster.ImageLoading;
import io.labctl.cluster.LocalImages;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.labctl.ssh.SshResult;
import io.labctl.ssh.SshSession;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code docker save} archive goes to each VM over SSH (host key checked) and is imported with k3s's ctr into
 * the namespace the kubelet uses.
 */
final class VagrantImageLoading implements ImageLoading {
    static final String REMOTE_ARCHIVE = "/tmp/labctl-images.tar";

    private final VagrantProvider vagrant;
    private final LocalImages local;

    VagrantImageLoading(VagrantProvider vagrant, LocalImages local) {
        this.vagrant = vagrant;
        this.local = local;
    }

    @Override
    public List<String> load(ClusterRecord cluster, List<String> images, Progress progress) {
        Path project = Path.of(cluster.details().get("project"));
        local.requirePresent(images);
        Path archive = local.save(images, progress);
        List<String> loaded = new ArrayList<>();
        try {
            for (String machine : vagrant.machines(cluster)) {
                progress.step("scp " + archive.getFileName() + " " + machine + ":" + REMOTE_ARCHIVE
                        + " && ssh " + machine + " sudo k3s ctr -n k8s.io images import " + REMOTE_ARCHIVE);
                try (SshSession ssh = SshSession.open(vagrant.sshTarget(project, machine))) {
                    ssh.upload(archive, REMOTE_ARCHIVE);
                    SshResult result = ssh.exec("sudo -n k3s ctr -n k8s.io images import " + REMOTE_ARCHIVE
                            + "; status=$?; rm -f " + REMOTE_ARCHIVE + "; exit $status", LocalImages.STEP_TIMEOUT);
                    if (!result.succeeded()) {
                        throw LabctlException.precondition("importing the images on " + machine + " failed: "
                                + result.stderr().strip(), "is k3s running there? vagrant ssh " + machine);
                    }
                }
                loaded.add(machine);
            }
        } finally {
            LocalImages.delete(archive);
        }
        return loaded;
    }
}
