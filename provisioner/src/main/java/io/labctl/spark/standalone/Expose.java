package io.labctl.spark.standalone;

/** How the master's RPC port is reachable from outside the cluster ({@code --expose}: the words users type). */
public enum Expose {
    /** A NodePort on every node: spark://NODE_IP:NODE_PORT from the host. */
    nodeport,
    /** Only inside the cluster (ClusterIP): use port-forward or a pod to reach it. */
    none
}
