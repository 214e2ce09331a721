package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.ServiceBuilder;

/**
 * Makes the master Service internal only ({@code --expose none}: ClusterIP) or pins the NodePort of
 * the RPC port ({@code --node-port}). The template's default, a NodePort chosen by Kubernetes,
 * needs no change.
 */
public final class ExposeStep implements ClusterObjectsStep {

    @Override
    public ClusterObjects apply(ClusterObjects previous, SparkClusterSpec spec) {
        if (spec.expose() == Expose.none) {
            return previous.withMasterService(service -> new ServiceBuilder(service)
                    .editSpec().withType("ClusterIP").endSpec()
                    .build());
        }
        if (spec.nodePort() != null) {
            return previous.withMasterService(service -> new ServiceBuilder(service)
                    .editSpec().editMatchingPort(p -> p.getPort() == SparkPorts.SPARK_RPC_PORT)
                    .withNodePort(spec.nodePort()).endPort().endSpec()
                    .build());
        }
        return previous;
    }
}
