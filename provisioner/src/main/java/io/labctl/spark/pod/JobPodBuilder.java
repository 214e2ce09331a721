package io.labctl.spark.pod;

import io.fabric8.kubernetes.api.model.Pod;

import java.util.List;

/** Builds the job pod by running the steps below, in order, from an empty pod. */
public final class JobPodBuilder {
    private static final List<JobPodStep> STEPS = List.of(
            new BaseJobPodStep(),       // name, labels, container, restartPolicy Never, no service links
            new DriverResourcesStep(),  // requests/limits from the driver memory
            new SubmitArgsStep(),       // spark-submit ... in client mode, driver at the pod IP
            new UploadedAppStep()       // only for applications copied from the host
    );

    public Pod build(JobPodConfig config) {
        Pod pod = new Pod();
        for (JobPodStep step : STEPS) {
            pod = step.apply(pod, config);
        }
        return pod;
    }
}
