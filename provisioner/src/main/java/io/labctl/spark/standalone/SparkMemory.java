package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.Quantity;
import io.labctl.core.LabctlException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory sizes, as Spark writes them ("512m", "2g") or Kubernetes does ("512Mi", "2Gi"), and the pod memory they imply. A worker pod holds the worker
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

    /** Spark's own sizes: Spark reads m and g as MiB and GiB. */
    private static final Pattern SPARK_MEMORY = Pattern.compile("^([1-9][0-9]*)([mMgG])$");
    /**
     * Kubernetes' binary quantities, as memory is written in pod specs. Its decimal 1G (10^9 bytes) is not taken:
     * Spark has always read 1G as 1 GiB, and the same two letters must not mean two sizes within one tool.
     */
    private static final Pattern KUBERNETES_MEMORY = Pattern.compile("^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti)$");
    private static final BigDecimal BYTES_PER_MIB = BigDecimal.valueOf(1024L * 1024L);
    /** Spark refuses an executor or driver below 450 MiB (1.5 x its 300 MiB reserved memory). */
    public static final int MIN_JVM_MIB = 450;

    private SparkMemory() {
    }

    /** Parses a worker's memory: "512m" / "2g" as Spark writes it, or "1Gi" / "1500M" as Kubernetes does, into MiB. */
    public static int parseMib(String option, String value) {
        return parseMib(option, value, MIN_WORKER_MIB);
    }

    /**
     * Parses a memory size into whole MiB (1.3Gi is rounded down to 1331), or throws a usage error naming
     * {@code option}. A bare number is refused: Kubernetes would read bytes and Spark MiB.
     */
    public static int parseMib(String option, String value, int minMib) {
        String trimmed = value == null ? "" : value.trim();
        BigInteger mib;
        Matcher spark = SPARK_MEMORY.matcher(trimmed);
        if (spark.matches()) {
            // Exact arithmetic: 18014398509481985g times 1024 wraps around a long to 1024, a valid-looking 1g.
            BigInteger amount = new BigInteger(spark.group(1));
            mib = spark.group(2).toLowerCase(Locale.ROOT).equals("g") ? amount.shiftLeft(10) : amount;
        } else if (KUBERNETES_MEMORY.matcher(trimmed).matches()) {
            mib = Quantity.getAmountInBytes(new Quantity(trimmed)).divide(BYTES_PER_MIB, 0, RoundingMode.DOWN).toBigInteger();
        } else {
            throw LabctlException.usage(option + " '" + value + "' is not a memory size",
                    "use Spark's 1g or 768m, or Kubernetes' 1Gi or 768Mi");
        }
        if (mib.compareTo(BigInteger.valueOf(minMib)) < 0 || mib.compareTo(BigInteger.valueOf(MAX_WORKER_MIB)) > 0) {
            throw LabctlException.usage(option + " " + value + " is out of range",
                    "use between " + minMib + "Mi and " + (MAX_WORKER_MIB / 1024) + "Gi (Spark needs at least 450Mi per executor)");
        }
        return mib.intValueExact();
    }

    /** The size as Spark reads it, for spark-submit and Spark's own settings ("1Gi" becomes "1024m"). */
    public static String forSpark(String option, String value) {
        return parseMib(option, value, MIN_JVM_MIB) + "m";
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
