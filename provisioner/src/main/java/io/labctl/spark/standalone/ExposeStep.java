package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;

import java.util.List;

/**
 * Makes the master Service internal only ({@code --expose none}: ClusterIP) or pins the NodePort of
 * the RPC port ({@code --node-port}). The template's default, a NodePort chosen by Kubernetes,
 * needs no change.
 */
public final class ExposeStep implements ClusterObjectsStep {

    @Override
    public ClusterObjects apply(ClusterObjects previous, SparkClusterSpec spec) {
        if (spec.expose() == Expose.NONE) {
            Service internal = new ServiceBuilder(previous.masterService())
                    .editSpec().withType("ClusterIP").endSpec()
                    .build();
            return new ClusterObjects(internal, previous.master(), previous.workers());
        }
        if (spec.nodePort() != null) {
            List<ServicePort> ports = previous.masterService().getSpec().getPorts().stream()
                    .map(p -> p.getPort() == SparkPorts.SPARK_RPC_PORT
                            ? new ServicePortBuilder(p).withNodePort(spec.nodePort()).build() : p)
                    .toList();
            Service pinned = new ServiceBuilder(previous.masterService())
                    .editSpec().withPorts(ports).endSpec()
                    .build();
            return new ClusterObjects(pinned, previous.master(), previous.workers());
        }
        return previous;
    }
}
