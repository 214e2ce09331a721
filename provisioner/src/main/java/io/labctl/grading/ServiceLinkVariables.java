package io.labctl.grading;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The service-link pitfall: for every Service in a namespace the kubelet injects
 * {@code NAME_PORT=tcp://IP:PORT} (NAME upper-cased, '-' as '_') into each pod of that namespace
 * that does not set {@code enableServiceLinks: false}. Spark's scripts read some of those names as
 * plain port numbers, so a Service named {@code spark-master} breaks every Spark pod beside it.
 */
public final class ServiceLinkVariables {
    /** Variables Spark's launch scripts read as a port number. */
    public static final Set<String> READ_BY_SPARK = Set.of("SPARK_MASTER_PORT", "SPARK_WORKER_PORT",
            "SPARK_MASTER_WEBUI_PORT", "SPARK_WORKER_WEBUI_PORT");

    private ServiceLinkVariables() {
    }

    /** The {@code NAME_PORT} variable a Service injects. */
    public static String portVariable(String serviceName) {
        return serviceName.toUpperCase(Locale.ROOT).replace('-', '_') + "_PORT";
    }

    /** The Spark variable this Service would overwrite, if any. */
    public static Optional<String> breaksSpark(String serviceName) {
        String variable = portVariable(serviceName);
        return READ_BY_SPARK.contains(variable) ? Optional.of(variable) : Optional.empty();
    }

    /** The hint for a Service that breaks Spark; {@code injected} is what it injects ("SPARK_MASTER_PORT=tcp://IP:7077"). */
    public static String hint(String serviceName, String injected) {
        return "Service '" + serviceName + "' makes Kubernetes inject " + injected + " into every pod of the namespace, "
                + "which Spark cannot parse: rename it (e.g. " + serviceName + "-svc) or set enableServiceLinks: false";
    }
}
