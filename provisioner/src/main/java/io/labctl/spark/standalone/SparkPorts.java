package io.labctl.spark.standalone;

/** Spark standalone's well-known ports. */
public final class SparkPorts {
    /** Master RPC: workers and drivers connect here (spark://host:7077). */
    public static final int SPARK_RPC_PORT = 7077;
    /** Master web UI and its JSON status at /json/. */
    public static final int MASTER_UI_PORT = 8080;
    /** Worker web UI. */
    public static final int WORKER_UI_PORT = 8081;
    /** NodePort range of a default API server. */
    public static final int NODE_PORT_MIN = 30000;
    public static final int NODE_PORT_MAX = 32767;

    private SparkPorts() {
    }
}
