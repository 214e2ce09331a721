package io.labctl.spark.standalone;

import io.labctl.kube.Labels;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Kubernetes recommended labels labctl puts on every object of a Spark cluster. Every selector
 * includes the instance (the cluster name), so two clusters in one namespace never select each
 * other's pods: the bug Apache's own operator once had.
 */
public final class SparkLabels {
    public static final String NAME = Labels.NAME;
    public static final String INSTANCE = Labels.INSTANCE;
    public static final String COMPONENT = Labels.COMPONENT;
    public static final String MANAGED_BY = Labels.MANAGED_BY;

    public static final String APP = "spark";
    public static final String MANAGER = Labels.MANAGER;

    public static final String MASTER = "master";
    public static final String WORKER = "worker";
    public static final String JOB = "job";

    /** The effective cluster spec, as JSON, on the master Deployment: what `scale` re-applies. */
    public static final String SPEC_ANNOTATION = "labctl.io/spec";

    private SparkLabels() {
    }

    /** Selects every object of one cluster (all components). */
    public static Map<String, String> cluster(String clusterName) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(NAME, APP);
        labels.put(INSTANCE, clusterName);
        labels.put(MANAGED_BY, MANAGER);
        return labels;
    }

    /** Selects one component (master, worker, job) of one cluster. */
    public static Map<String, String> component(String clusterName, String component) {
        Map<String, String> labels = cluster(clusterName);
        labels.put(COMPONENT, component);
        return labels;
    }

    /** Selects the master Deployments of every labctl cluster (used to list clusters). */
    public static Map<String, String> allMasters() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(NAME, APP);
        labels.put(MANAGED_BY, MANAGER);
        labels.put(COMPONENT, MASTER);
        return labels;
    }

    public static String selectorString(Map<String, String> labels) {
        StringBuilder sb = new StringBuilder();
        labels.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ",").append(k).append('=').append(v));
        return sb.toString();
    }

    public static String masterDeployment(String clusterName) {
        return clusterName + "-master";
    }

    public static String workerDeployment(String clusterName) {
        return clusterName + "-worker";
    }

    /** Not "NAME-master": a Service named spark-master would inject SPARK_MASTER_PORT=tcp://... into pods. */
    public static String masterService(String clusterName) {
        return clusterName + "-master-svc";
    }
}
