package io.labctl.spark.standalone;

/** What "ready" means when labctl waits for a cluster ({@code --wait}: the words users type). */
public enum WaitMode {
    /** Pods Ready and the master reports exactly the wanted number of ALIVE workers. */
    spark,
    /** Pods Ready only: for nodes that run no real processes (kwok fake nodes) or non-Spark images. */
    pods,
    /** Do not wait. */
    none
}
