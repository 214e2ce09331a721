package io.labctl.spark.standalone;

import io.labctl.core.LabctlException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A job for {@code labctl spark run}: the built-in SparkPi, a Python file, or a jar with a main class.
 * Application paths starting with {@code local://} are inside the image; others are files on the host
 * that labctl uploads into the job pod.
 */
public record JobRequest(String cluster, String namespace, Kind kind, String application, String mainClass,
                         List<String> args, Map<String, String> conf, int driverMemoryMib, boolean keepPod,
                         Duration timeout) {

    public enum Kind { PI, PYTHON, JAR }

    public static final String LOCAL_SCHEME = "local://";
    /** The examples jar of every labctl Spark image (see testbed/CONTRACT.md and dockerfiles/). */
    public static final String EXAMPLES_JAR = "/opt/spark/examples/jars/spark-examples.jar";
    public static final String PI_CLASS = "org.apache.spark.examples.JavaSparkPi";
    public static final String DEFAULT_PI_SLICES = "10";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    public JobRequest {
        args = List.copyOf(args);
        conf = Map.copyOf(conf);
    }

    public static JobRequest pi(String cluster, String namespace, List<String> args) {
        return new JobRequest(cluster, namespace, Kind.PI, LOCAL_SCHEME + EXAMPLES_JAR, PI_CLASS,
                args.isEmpty() ? List.of(DEFAULT_PI_SLICES) : args, Map.of(), 512, false, DEFAULT_TIMEOUT);
    }

    /** True when the application is a host file that must be uploaded. */
    public boolean uploadsFromHost() {
        return !application.startsWith(LOCAL_SCHEME);
    }

    /** The path spark-submit is given inside the pod. */
    public String pathInPod(String uploadDir) {
        return uploadsFromHost() ? uploadDir + "/" + Path.of(application).getFileName()
                : application.substring(LOCAL_SCHEME.length());
    }

    /** Throws a usage error for a missing host file, a jar without a class, or a bad conf key. */
    public JobRequest validate() {
        SparkClusterSpec.requireClusterName(cluster);
        SparkClusterSpec.requireNamespace(namespace);
        if (kind == Kind.JAR && (mainClass == null || mainClass.isBlank())) {
            throw LabctlException.usage("--jar needs --class", "name the main class, e.g. --class org.example.Main");
        }
        if (uploadsFromHost()) {
            Path file = Path.of(application);
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw LabctlException.usage("application file " + application + " does not exist or is not readable",
                        "give a file on this machine, or a path inside the image as local:///path");
            }
            String expected = kind == Kind.PYTHON ? ".py" : ".jar";
            if (!file.getFileName().toString().endsWith(expected)) {
                throw LabctlException.usage("application file " + application + " does not end in " + expected,
                        kind == Kind.PYTHON ? "--py takes a Python file" : "--jar takes a jar file");
            }
        }
        conf.keySet().forEach(k -> {
            if (!k.startsWith("spark.")) {
                throw LabctlException.usage("--conf " + k + " is not a Spark property", "Spark properties start with 'spark.'");
            }
        });
        if (timeout.isNegative() || timeout.isZero()) {
            throw LabctlException.usage("--timeout must be positive", "e.g. --timeout 10m");
        }
        return this;
    }
}
