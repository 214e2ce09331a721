package io.labctl.spark.pod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * For an application on the host: an emptyDir at {@link JobPodConfig#UPLOAD_DIR} that labctl fills
 * through the API server (like {@code kubectl cp}) once the container runs, and a wait in front of
 * the command until the upload is complete. A no-op for applications already in the image.
 */
public final class UploadedAppStep implements JobPodStep {
    static final String VOLUME = "app";
    /** Bounded, so a pod whose upload never comes fails instead of hanging forever. */
    static final int MAX_WAIT_SECONDS = 300;

    @Override
    public Pod apply(Pod previous, JobPodConfig config) {
        if (!config.uploaded()) {
            return previous;
        }
        // "$$" is how a literal "$" is written where Kubernetes expands $(VAR) references.
        List<String> wrapped = new ArrayList<>(List.of("sh", "-c",
                "i=0; while [ ! -f " + JobPodConfig.UPLOAD_DONE_MARKER + " ]; do"
                        + " i=$$((i+1)); [ $i -gt " + (MAX_WAIT_SECONDS * 5) + " ] && { echo 'labctl: application upload never completed' >&2; exit 1; };"
                        + " sleep 0.2; done; exec \"$@\"",
                "labctl-wait-for-upload"));
        wrapped.addAll(previous.getSpec().getContainers().get(0).getArgs());
        return new PodBuilder(previous)
                .editSpec()
                .addNewVolume().withName(VOLUME).withNewEmptyDir().endEmptyDir().endVolume()
                .editFirstContainer()
                .addNewVolumeMount().withName(VOLUME).withMountPath(JobPodConfig.UPLOAD_DIR).endVolumeMount()
                .withArgs(wrapped)
                .endContainer()
                .endSpec()
                .build();
    }
}
