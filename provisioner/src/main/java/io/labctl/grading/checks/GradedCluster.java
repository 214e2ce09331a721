package io.labctl.grading.checks;

import java.util.List;
import java.util.Map;

/**
 * What the runner needs from a student's live cluster, whatever talks to it: where it is and the evidence for the
 * report. The live checks work on the implementation their package provides
 * ({@link GradingContext#requireCluster(Class)}).
 */
public interface GradedCluster {
    /** The API server's URL. */
    String server();

    /** The kubeconfig context used, or null. */
    String context();

    /** The node names; empty when the grading identity may not list nodes. */
    List<String> nodeNames();

    /** The raw Spark master documents read while grading, by "namespace/cluster". */
    Map<String, String> masterJson();
}
