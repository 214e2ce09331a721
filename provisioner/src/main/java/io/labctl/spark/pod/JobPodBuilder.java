package io.labctl.spark.pod;

import io.fabric8.kubernetes.api.model.Pod;

import java.util.ArrayList;
import java.util.List;

/** Builds a pod that runs spark-submit by running its steps, in order, from an empty pod. */
public final class JobPodBuilder {
    /** The steps every spark-submit pod has, whatever it submits. */
    private static final List<JobPodStep> COMMON = List.of(
            new BaseJobPodStep(),       // name, labels, container, restartPolicy Never, no service links
            new DriverResourcesStep(),  // requests/limits from the driver memory
            new ServiceAccountStep(),   // only when the pod needs its own ServiceAccount
            new MountsStep()            // only when volumes are mounted (cluster storage, pod templates)
    );

    private final List<JobPodStep> steps;

    /** The client-mode job of `labctl spark run`: the driver runs in this pod, next to the cluster. */
    public JobPodBuilder() {
        this(List.of(
                new SubmitArgsStep(),   // spark-submit ... in client mode, driver at the pod IP
                new UploadedAppStep()   // only for applications copied from the host
        ));
    }

    /** The common steps, then {@code specific} ones (what the pod submits, and how). */
    public JobPodBuilder(List<JobPodStep> specific) {
        List<JobPodStep> all = new ArrayList<>(COMMON);
        all.addAll(specific);
        this.steps = List.copyOf(all);
    }

    public Pod build(JobPodConfig config) {
        Pod pod = new Pod();
        for (JobPodStep step : steps) {
            pod = step.apply(pod, config);
        }
        return pod;
    }
}
