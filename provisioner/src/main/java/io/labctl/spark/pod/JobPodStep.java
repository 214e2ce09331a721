package io.labctl.spark.pod;

import io.fabric8.kubernetes.api.model.Pod;

/**
 * One additive step of building the job pod, in the manner of Spark's own driver feature steps: it
 * takes the pod built so far and returns it enriched, starting from {@code new PodBuilder(previous)};
 * a step that does not apply returns its input.
 */
public interface JobPodStep {
    Pod apply(Pod previous, JobPodConfig config);
}
