package io.labctl.cli.spark;

import io.labctl.cli.Cli;
import io.labctl.cli.GlobalOptionUse;
import io.labctl.cli.UsesGlobalOptions;
import io.labctl.cli.OutputFormat;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.kube.KubeSession;
import io.labctl.spark.standalone.JobRequest;
import io.labctl.spark.standalone.JobResult;
import io.labctl.spark.standalone.SparkClusterSpec;
import io.labctl.spark.standalone.SparkMemory;
import io.labctl.spark.standalone.StandaloneJobRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code labctl spark run NAME pi | --py FILE | --jar JAR --class C [ARGS]}. */
@Command(name = "run", sortOptions = false,
        description = {"Run a Spark job against a cluster, from a pod in its namespace, streaming the driver's log.",
            "Client mode: the driver is reachable by the executors, no host networking needed. Reports",
            "the application's final state from the master."},
        footerHeading = "%nExamples:%n",
        footer = {"  labctl spark run spark-a pi                     # SparkPi, 10 slices",
            "  labctl spark run spark-a pi 100",
            "  labctl spark run spark-a --py wordcount.py -- input.txt",
            "  labctl spark run spark-a --py local:///opt/spark/examples/src/main/python/pi.py",
            "  labctl spark run spark-a --jar app.jar --class org.example.Main"})
@UsesGlobalOptions({GlobalOptionUse.CLUSTER, GlobalOptionUse.NAMESPACE, GlobalOptionUse.RESULT})
public final class SparkRunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Cluster name.")
    String name;

    @Parameters(index = "1..*", paramLabel = "ARGS",
            description = "'pi' [SLICES], or the application's arguments with --py/--jar.")
    List<String> rest = new ArrayList<>();

    @Option(names = "--py", paramLabel = "FILE", description = "A PySpark application (host file, or local:///path in the image).")
    String python;

    @Option(names = "--jar", paramLabel = "JAR", description = "A jar application (host file, or local:///path in the image).")
    String jar;

    @Option(names = "--class", paramLabel = "CLASS", description = "Main class of --jar.")
    String mainClass;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark property, e.g. spark.executor.memory=512m.")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--driver-memory", paramLabel = "SIZE", defaultValue = "512m",
            description = "Driver heap: 1Gi or Spark's 1g (default: ${DEFAULT-VALUE}).")
    String driverMemory;

    @Option(names = "--keep", description = "Keep the job pod afterwards (for `kubectl logs`).")
    boolean keep;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m",
            description = "Give up after this long (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        SparkClusterSpec.requireClusterName(name);
        toRequest(cli.offlineNamespace()).validate(); // bad input fails before any connection
        try (KubeSession session = cli.connect()) {
            JobRequest request = toRequest(session.namespace()).validate();
            // Scripts reading -o json/yaml get the driver's log on stderr, so stdout stays parseable.
            PrintWriter logOut = cli.options().output() == OutputFormat.text ? cli.out() : cli.err();
            JobResult result = new StandaloneJobRunner(session.client(), cli.progress()).run(request, line -> {
                logOut.println(line);
                logOut.flush();
            });
            cli.print(result, SparkTextViews::ran);
            return result.succeeded() ? 0 : ExitCode.JOB_FAILED.status();
        }
    }

    JobRequest toRequest(String namespace) {
        int driverMib = SparkMemory.parseMib("--driver-memory", driverMemory);
        if (python != null && jar != null) {
            throw LabctlException.usage("--py and --jar cannot be combined", "run one application at a time");
        }
        if (python != null) {
            return new JobRequest(name, namespace, JobRequest.Kind.PYTHON, python, null, rest, conf, driverMib, keep, timeout);
        }
        if (jar != null) {
            return new JobRequest(name, namespace, JobRequest.Kind.JAR, jar, mainClass, rest, conf, driverMib, keep, timeout);
        }
        if (!rest.isEmpty() && rest.get(0).equals("pi")) {
            JobRequest pi = JobRequest.pi(name, namespace, rest.subList(1, rest.size()));
            return new JobRequest(pi.cluster(), namespace, pi.kind(), pi.application(), pi.mainClass(), pi.args(), conf,
                    driverMib, keep, timeout);
        }
        throw LabctlException.usage(rest.isEmpty() ? "nothing to run" : "unknown job '" + rest.get(0) + "'",
                "say what to run: `pi`, `--py FILE` or `--jar JAR --class CLASS`");
    }
}
