package io.labctl.spark.pod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;

import java.util.Map;
import java.util.TreeMap;

/** Mounts ConfigMaps into the container, each as a volume named after it (sorted: the same config, the same pod). */
public final class ConfigMapVolumesStep implements JobPodStep {

    @Override
    public Pod apply(Pod previous, JobPodConfig config) {
        if (config.configMaps().isEmpty()) {
            return previous;
        }
        PodBuilder pod = new PodBuilder(previous);
        for (Map.Entry<String, String> mount : new TreeMap<>(config.configMaps()).entrySet()) {
            pod.editSpec()
                    .addNewVolume().withName(mount.getKey()).withNewConfigMap().withName(mount.getKey()).endConfigMap()
                    .endVolume()
                    .editFirstContainer().addNewVolumeMount().withName(mount.getKey()).withMountPath(mount.getValue())
                    .endVolumeMount().endContainer()
                    .endSpec();
        }
        return pod.build();
    }
}
