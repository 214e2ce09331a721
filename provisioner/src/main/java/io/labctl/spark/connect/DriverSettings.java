package io.labctl.spark.connect;

import io.labctl.core.ShellQuoting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a driver on this machine needs to run against a cluster's master: the master's URL as reached from here,
 * and an address and fixed ports the executors in the worker pods can connect back to.
 *
 * @param masterUrl  spark://HOST:PORT reachable from this machine
 * @param driverHost this machine's address as the worker pods reach it
 * @param ports      the ports executors connect to (a firewall must let them in)
 * @param python     the interpreter executors run ({@code spark.pyspark.python}): the workers' python3
 */
public record DriverSettings(String masterUrl, String driverHost, DriverPorts ports, String python) {
    /** What the executors run Python with, in the labctl images (and most Spark images). */
    public static final String WORKER_PYTHON = "python3";

    /** The Spark settings, in the order spark-submit's --conf would take them. */
    public Map<String, String> conf() {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("spark.driver.host", driverHost);
        conf.put("spark.driver.bindAddress", "0.0.0.0");
        conf.put("spark.driver.port", String.valueOf(ports.driver()));
        conf.put("spark.blockManager.port", String.valueOf(ports.blockManager()));
        // The executors run the workers' interpreter, not this machine's path to its own.
        conf.put("spark.pyspark.python", python);
        return conf;
    }

    /** {@code --master URL --conf k=v ...}: the arguments spark-submit and pyspark take. */
    public List<String> submitArgs() {
        List<String> args = new ArrayList<>(List.of("--master", masterUrl));
        conf().forEach((k, v) -> {
            args.add("--conf");
            args.add(k + "=" + v);
        });
        return args;
    }

    /**
     * {@code PYSPARK_SUBMIT_ARGS}: how a plain {@code python3 script.py} that builds a SparkSession gets the same
     * settings (pyspark reads it when it starts its JVM).
     */
    public String pysparkSubmitArgs() {
        List<String> words = new ArrayList<>(submitArgs());
        words.add("pyspark-shell");
        return ShellQuoting.command(words);
    }

    /** Lines for the user's own shell ({@code eval "$(labctl spark connect NAME --print-env)"}). */
    public List<String> exportLines() {
        return List.of("export SPARK_MASTER_URL=" + ShellQuoting.quote(masterUrl),
                "export PYSPARK_SUBMIT_ARGS=" + ShellQuoting.quote(pysparkSubmitArgs()));
    }
}
