package io.labctl.spark.pod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;

/** Name, labels, and one container from the cluster's image; runs once, never restarted. */
public final class BaseJobPodStep implements JobPodStep {
    static final long SPARK_UID = 185;

    @Override
    public Pod apply(Pod previous, JobPodConfig config) {
        return new PodBuilder(previous)
                .editOrNewMetadata()
                .withName(config.podName())
                .withNamespace(config.namespace())
                .addToLabels(config.labels())
                .endMetadata()
                .editOrNewSpec()
                .withRestartPolicy("Never")
                // Same reason as the master and worker pods: no SPARK_MASTER_PORT=tcp://... injection.
                .withEnableServiceLinks(false)
                .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(SPARK_UID).endSecurityContext()
                .addNewContainer()
                .withName(JobPodConfig.CONTAINER)
                .withImage(config.image())
                .withImagePullPolicy("IfNotPresent")
                .endContainer()
                .endSpec()
                .build();
    }
}
