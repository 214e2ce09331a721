package io.labctl.spark.connect;

import io.labctl.core.LabctlException;
import io.labctl.exec.Command;
import io.labctl.exec.ProcessResult;
import io.labctl.exec.ProcessRunner;
import io.labctl.kube.ApiServerProxy;
import io.labctl.spark.standalone.SparkPorts;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Spark and Python versions on both sides of a host-driven job. A driver and a cluster of different Spark
 * versions fail deep inside the RPC layer, and PySpark refuses workers whose Python minor version differs from the
 * driver's ("Python in worker has different version"); both are checked first and refused with the exact fix.
 */
final class SparkVersions {
    /** The master's web UI names its version in its header: {@code <span class="version" ...>3.5.7</span>}. */
    private static final Pattern UI_VERSION = Pattern.compile("<span class=\"version\"[^>]*>\\s*([0-9][^<\\s]*)\\s*</span>");
    private static final String PROBE = "import sys\ntry:\n import pyspark\n v = pyspark.__version__\nexcept Exception:\n"
            + " v = 'none'\nprint('%d.%d %s' % (sys.version_info[0], sys.version_info[1], v))";

    private SparkVersions() {
    }

    /** The cluster's Spark version, read from the master's web UI through the API server's pod proxy. */
    static Optional<String> cluster(ApiServerProxy proxy, String namespace, String masterPod) {
        return proxy.getFromPod(namespace, masterPod, SparkPorts.MASTER_UI_PORT, "/").flatMap(SparkVersions::fromUi);
    }

    static Optional<String> fromUi(String html) {
        Matcher m = UI_VERSION.matcher(html);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * What this machine would drive the job with.
     *
     * @param python major.minor of the interpreter, or null when there is none
     * @param spark  the local Spark version (pip's pyspark, else a Spark distribution's spark-submit), or null
     * @param source where {@code spark} came from, for messages ("pyspark", "spark-submit")
     */
    record Local(String python, String spark, String source) {
    }

    static Local local(ProcessRunner runner, String python) {
        String pythonVersion = null;
        String pyspark = null;
        if (runner.find(python).isPresent()) {
            ProcessResult result = runner.run(Command.of(python, "-c", PROBE).withTimeout(Duration.ofSeconds(30)));
            String[] parts = result.stdout().strip().split(" ");
            if (result.succeeded() && parts.length == 2) {
                pythonVersion = parts[0];
                pyspark = parts[1].equals("none") ? null : parts[1];
            }
        }
        if (pyspark != null) {
            return new Local(pythonVersion, pyspark, "pyspark");
        }
        return new Local(pythonVersion, sparkSubmitVersion(runner).orElse(null), "spark-submit");
    }

    /** {@code spark-submit --version} prints "version 3.5.7" in its banner (on stderr). */
    private static Optional<String> sparkSubmitVersion(ProcessRunner runner) {
        if (runner.find("spark-submit").isEmpty()) {
            return Optional.empty();
        }
        ProcessResult result = runner.run(Command.of("spark-submit", "--version").withTimeout(Duration.ofMinutes(1)));
        Matcher m = Pattern.compile("version ([0-9]+\\.[0-9]+\\.[0-9]+)").matcher(result.stderr() + result.stdout());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * Refuses what would fail later, each with its fix: no local Spark, another Spark version than the cluster's,
     * and for Python jobs no interpreter or another Python minor version than the workers' ({@code workerPython}
     * null: not known yet).
     */
    static void requireMatching(Local local, String clusterSpark, String workerPython, String python, boolean pythonJob,
                                String cluster) {
        if (pythonJob && local.python() == null) {
            throw LabctlException.precondition(python + " is not on PATH, so no PySpark driver can run here",
                    "install Python 3 and pip install pyspark==" + clusterSpark + ", or run the job inside the cluster:"
                            + " labctl spark run " + cluster + " --py FILE");
        }
        if (local.spark() == null || pythonJob && !local.source().equals("pyspark")) {
            throw LabctlException.precondition("pyspark is not installed for " + python + " on this machine",
                    "pip install pyspark==" + clusterSpark);
        }
        if (!local.spark().equals(clusterSpark)) {
            throw LabctlException.precondition(local.source() + " " + local.spark() + " here, Spark " + clusterSpark
                    + " in the cluster: a driver must run the cluster's version", "pip install pyspark==" + clusterSpark);
        }
        if (pythonJob && workerPython != null && !workerPython.equals(local.python())) {
            throw LabctlException.precondition("Python " + local.python() + " here, " + workerPython + " in the worker pods:"
                    + " PySpark refuses a driver and workers of different minor versions",
                    "use Python " + workerPython + " here (e.g. pyenv install " + workerPython + ", then pip install pyspark=="
                            + clusterSpark + "), or run it inside the cluster: labctl spark run " + cluster + " --py FILE");
        }
    }
}
