package io.labctl.spark.pod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;

/**
 * Requests and limits for the driver: its heap ({@code spark.driver.memory}) plus Spark's usual
 * overhead (10%, at least 384 MiB). A small CPU request keeps it schedulable next to the workers.
 */
public final class DriverResourcesStep implements JobPodStep {
    static final String CPU_REQUEST = "100m";
    static final String CPU_LIMIT = "1";

    @Override
    public Pod apply(Pod previous, JobPodConfig config) {
        int podMib = config.driverMemoryMib() + Math.max(384, config.driverMemoryMib() / 10);
        Quantity memory = new Quantity(podMib + "Mi");
        return new PodBuilder(previous)
                .editSpec().editFirstContainer()
                .withNewResources()
                .addToRequests("cpu", new Quantity(CPU_REQUEST)).addToRequests("memory", memory)
                .addToLimits("cpu", new Quantity(CPU_LIMIT)).addToLimits("memory", memory)
                .endResources()
                .endContainer().endSpec()
                .build();
    }
}
