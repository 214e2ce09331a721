package io.labctl.spark.pod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;

/** Runs the pod as its own ServiceAccount (native submission creates pods, which `default` may not). */
public final class ServiceAccountStep implements JobPodStep {

    @Override
    public Pod apply(Pod previous, JobPodConfig config) {
        if (config.serviceAccount() == null) {
            return previous;
        }
        return new PodBuilder(previous).editSpec().withServiceAccountName(config.serviceAccount()).endSpec().build();
    }
}
