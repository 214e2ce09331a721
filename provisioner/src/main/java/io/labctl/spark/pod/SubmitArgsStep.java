package io.labctl.spark.pod;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code spark-submit} command line, client mode. The driver advertises its pod IP (given to the
 * container as {@code POD_IP} and expanded by Kubernetes in {@code $(POD_IP)}), so executors in the
 * worker pods can connect back to it; no shell is involved, so arguments need no quoting.
 */
public final class SubmitArgsStep implements JobPodStep {
    static final String POD_IP = "POD_IP";

    @Override
    public Pod apply(Pod previous, JobPodConfig config) {
        return new PodBuilder(previous)
                .editSpec().editFirstContainer()
                .addToEnv(podIpEnv())
                .withArgs(submitArgs(config))
                .endContainer().endSpec()
                .build();
    }

    /** The pod's IP as {@code POD_IP}, for {@code $(POD_IP)} in the arguments. */
    static EnvVar podIpEnv() {
        return new EnvVarBuilder().withName(POD_IP).withNewValueFrom().withNewFieldRef()
                .withFieldPath("status.podIP").endFieldRef().endValueFrom().build();
    }

    static List<String> submitArgs(JobPodConfig config) {
        List<String> args = new ArrayList<>(List.of("spark-submit"));
        args.addAll(clientModeOptions(config));
        if (config.mainClass() != null) {
            args.add("--class");
            args.add(config.mainClass());
        }
        args.add(config.application());
        args.addAll(config.appArgs());
        return args;
    }

    /** The options spark-submit and the shells (spark-shell, pyspark, spark-sql) share for a driver in this pod. */
    static List<String> clientModeOptions(JobPodConfig config) {
        List<String> args = new ArrayList<>(List.of(
                "--master", config.masterUrl(),
                "--deploy-mode", "client",
                "--name", config.appName(),
                "--driver-memory", config.driverMemoryMib() + "m",
                "--conf", "spark.driver.host=$(" + POD_IP + ")",
                "--conf", "spark.driver.bindAddress=0.0.0.0"));
        // Sorted, so the same request always gives the same pod spec.
        for (Map.Entry<String, String> e : new TreeMap<>(config.conf()).entrySet()) {
            args.add("--conf");
            args.add(e.getKey() + "=" + e.getValue());
        }
        return args;
    }
}
