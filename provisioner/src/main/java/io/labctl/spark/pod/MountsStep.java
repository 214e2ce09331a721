package io.labctl.spark.pod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;

/** Mounts the config's volumes into the container (a cluster's --volume storage, an executor pod template). */
public final class MountsStep implements JobPodStep {

    @Override
    public Pod apply(Pod previous, JobPodConfig config) {
        if (config.mounts().isEmpty()) {
            return previous;
        }
        PodBuilder pod = new PodBuilder(previous);
        for (JobPodConfig.Mount mount : config.mounts()) {
            pod.editSpec()
                    .addToVolumes(mount.volume())
                    .editFirstContainer().addNewVolumeMount().withName(mount.volume().getName()).withMountPath(mount.path())
                    .withReadOnly(mount.readOnly() ? Boolean.TRUE : null).endVolumeMount().endContainer()
                    .endSpec();
        }
        return pod.build();
    }
}
