package io.labctl.spark.standalone;

/** What "ready" means when labctl waits for a cluster. */
public enum WaitMode {
    /** Pods Ready and the master reports exactly the wanted number of ALIVE workers. */
    SPARK,
    /** Pods Ready only: for nodes that run no real processes (kwok fake nodes) or non-Spark images. */
    PODS,
    /** Do not wait. */
    NONE
}
