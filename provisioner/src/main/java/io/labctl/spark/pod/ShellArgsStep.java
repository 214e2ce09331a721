package io.labctl.spark.pod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * An interactive Spark shell instead of spark-submit: the config's application is the shell program ({@code pyspark},
 * {@code spark-shell} or {@code spark-sql}), started with the same client-mode options as a job, so the driver lives in
 * this pod at its pod IP and the executors in the worker pods reach it.
 */
public final class ShellArgsStep implements JobPodStep {

    @Override
    public Pod apply(Pod previous, JobPodConfig config) {
        List<String> args = new ArrayList<>(List.of(config.application()));
        args.addAll(SubmitArgsStep.clientModeOptions(config));
        return new PodBuilder(previous)
                .editSpec().editFirstContainer()
                .addToEnv(SubmitArgsStep.podIpEnv())
                .withArgs(args)
                .endContainer().endSpec()
                .build();
    }
}
