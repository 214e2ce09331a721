package io.labctl.spark.standalone;

import io.labctl.core.LabctlException;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spark memory strings ("512m", "2g") and the pod memory they imply. A worker pod holds the worker
 * daemon JVM plus the executor JVMs it launches, so its limit is the memory the worker offers to
 * Spark, plus the daemon's heap, plus Spark's usual overhead (10%, at least 384 MiB).
 */
public final class SparkMemory {
    /** Heap of the master and worker daemons (SPARK_DAEMON_MEMORY); Spark's default of 1g is wasteful in a lab. */
    public static final int DAEMON_MIB = 512;
    /** Spark refuses executors below 450 MiB (1.5 x 300 MiB reserved); 512m is the smallest useful worker. */
    public static final int MIN_WORKER_MIB = 512;
    public static final int MAX_WORKER_MIB = 256 * 1024;
    private static final int MIN_OVERHEAD_MIB = 384;

    private static final Pattern SPARK_MEMORY = Pattern.compile("^([1-9][0-9]*)([mMgG])$");

    private SparkMemory() {
    }

    /** Parses "512m" / "2g" into MiB; throws a usage error naming {@code option} otherwise. */
    public static int parseMib(String option, String value) {
        Matcher m = value == null ? null : SPARK_MEMORY.matcher(value.trim());
        if (m == null || !m.matches()) {
            throw LabctlException.usage(option + " '" + value + "' is not a Spark memory size",
                    "use a number with m or g, e.g. 1g or 768m");
        }
        // Exact arithmetic: 18014398509481985g times 1024 wraps around a long to 1024, a valid-looking 1g.
        BigInteger amount = new BigInteger(m.group(1));
        BigInteger mib = m.group(2).toLowerCase(Locale.ROOT).equals("g") ? amount.shiftLeft(10) : amount;
        if (mib.compareTo(BigInteger.valueOf(MIN_WORKER_MIB)) < 0 || mib.compareTo(BigInteger.valueOf(MAX_WORKER_MIB)) > 0) {
            throw LabctlException.usage(option + " " + value + " is out of range",
                    "use between " + MIN_WORKER_MIB + "m and " + (MAX_WORKER_MIB / 1024) + "g (Spark needs at least 450m per executor)");
        }
        return mib.intValueExact();
    }

    /** Memory limit of a worker pod, in MiB, for a worker offering {@code workerMib} to executors. */
    public static int workerPodLimitMib(int workerMib) {
        return workerMib + DAEMON_MIB + Math.max(MIN_OVERHEAD_MIB, workerMib / 10);
    }

    /** Memory request of a worker pod: what an idle worker uses (daemon + JVM overhead). */
    public static int workerPodRequestMib() {
        return DAEMON_MIB + 128;
    }
}
