package io.labctl.cli.spark;

import io.labctl.cli.Cli;
import io.labctl.cli.GlobalOptionUse;
import io.labctl.cli.UsesGlobalOptions;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.exec.ProcessRunner;
import io.labctl.kube.KubeSession;
import io.labctl.spark.nativemode.DeviceRequest;
import io.labctl.spark.nativemode.NativeResult;
import io.labctl.spark.nativemode.NativeSubmitRequest;
import io.labctl.spark.nativemode.NativeSubmitter;
import io.labctl.spark.standalone.SparkImages;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code labctl spark submit --native}. */
@Command(name = "submit",
        description = {"Run an application in Spark's native Kubernetes mode: the driver and the executors are pods.",
            "They are created by Spark's own submission client (spark-submit --master k8s://... --deploy-mode cluster).",
            "labctl prepares the",
            "namespace (ServiceAccount, Role, RoleBinding the driver needs), submits from this machine when spark-submit",
            "is installed or else from a short-lived pod, and follows the driver to its end, streaming its log."},
        footerHeading = "%nExamples:%n",
        footer = {"  labctl spark submit --native -n lab --class org.apache.spark.examples.JavaSparkPi \\",
            "      local:///opt/spark/examples/jars/spark-examples.jar 100",
            "  labctl spark submit --native -n lab --name pi-py local:///opt/spark/examples/src/main/python/pi.py 10",
            "  labctl spark submit --native -n lab --executors 2 --gpus 1 --gpu-vendor labctl.io/vgpu --class ... local:///...jar",
            "  labctl spark apps list -n lab                      # then: status, logs, kill with submission ids",
            "",
            "Exit codes: 0 the driver Succeeded, 8 it Failed, others as for every command."})
@UsesGlobalOptions({GlobalOptionUse.CLUSTER, GlobalOptionUse.NAMESPACE, GlobalOptionUse.RESULT})
public final class SparkSubmitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--native", required = true, description = "Native Kubernetes mode (driver and executors as pods).")
    boolean nativeMode;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "spark-pi",
            description = "Application name; the driver pod is NAME-driver (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--class", paramLabel = "CLASS", description = "Main class (jar applications).")
    String mainClass;

    @Parameters(index = "0", paramLabel = "APP", description = "local:///path/in/the/image.jar or .py")
    String application;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments of the application.")
    List<String> args = new ArrayList<>();

    @Option(names = "--executors", paramLabel = "N", defaultValue = "2", description = "Executor pods (default: ${DEFAULT-VALUE}).")
    int executors;

    @Option(names = "--executor-cores", paramLabel = "N",
            description = "Cores per executor, also its CPU limit (default: Spark's, 1).")
    String executorCores;
    @Option(names = "--executor-memory", paramLabel = "SIZE", defaultValue = "512m",
            description = "Heap of each executor: 1Gi or Spark's 1g (default: ${DEFAULT-VALUE}).")
    String executorMemory;
    @Option(names = "--driver-memory", paramLabel = "SIZE", defaultValue = "512m",
            description = "Heap of the driver: 1Gi or Spark's 1g (default: ${DEFAULT-VALUE}).")
    String driverMemory;

    /** Devices per executor: the count and whose devices, always together. */
    @ArgGroup(exclusive = false)
    Gpus gpus;

    static final class Gpus {
        @Option(names = "--gpus", paramLabel = "N", required = true, description = "Devices per executor (with --gpu-vendor).")
        int count;

        @Option(names = "--gpu-vendor", paramLabel = "DOMAIN[/NAME]", required = true,
                description = "nvidia.com (resource nvidia.com/gpu) or e.g. labctl.io/vgpu for labctl's virtual devices.")
        String vendor;
    }

    @Option(names = "--executor-toleration", paramLabel = "KEY[=VALUE]:EFFECT",
            description = "A taint the executors tolerate (e.g. nvidia.com/gpu:NoSchedule of GPU nodes); repeatable.")
    List<String> tolerations = new ArrayList<>();

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "Any Spark setting; repeatable; wins over labctl's.")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--quota", paramLabel = "cpu=N,memory=SIZE", split = ",",
            description = "Also create a ResourceQuota on limits in the namespace (Spark then gets CPU limits).")
    Map<String, String> quota = new LinkedHashMap<>();

    @Option(names = "--image", paramLabel = "IMAGE", defaultValue = SparkImages.BASE,
            description = "Image of the driver and executors (default: ${DEFAULT-VALUE}).")
    String image;

    @Option(names = "--submit-from", paramLabel = "WHERE", defaultValue = "auto",
            description = "${COMPLETION-CANDIDATES}: where spark-submit runs (auto: this machine if it has spark-submit).")
    NativeSubmitter.SubmitFrom submitFrom;

    @Option(names = "--no-follow", description = "Return once the driver runs; follow later with `labctl spark apps`.")
    boolean noFollow;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "15m", description = "Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        DeviceRequest devices = gpus == null ? null : DeviceRequest.parse(gpus.count, gpus.vendor);
        try (KubeSession session = cli.connect()) {
            NativeSubmitRequest request = new NativeSubmitRequest(session.namespace(), name, mainClass, application, args,
                    executors, executorCores, executorMemory, driverMemory, devices, tolerations, conf, image, quota).validate();
            NativeResult result = new NativeSubmitter(session, new ProcessRunner(cli.env()), cli.progress())
                    .submit(request, submitFrom, !noFollow, timeout, line -> cli.err().println(cli.style().dim("  | ") + line));
            cli.print(result, (r, s) -> {
                String state = r.succeeded() ? s.green(r.phase()) : "Failed".equals(r.phase()) ? s.red(r.phase()) : r.phase();
                return "Application " + r.submissionId() + " (" + r.appId() + "): " + state
                        + (r.result() == null ? "" : ", " + r.result())
                        + (r.executorsLeft() > 0 ? ", " + r.executorsLeft() + " executor pods still there" : "") + "\n"
                        + s.dim("  labctl spark apps status " + r.submissionId() + "   |   kubectl logs -n "
                        + request.namespace() + " " + request.driverPod()) + "\n";
            });
            if ("Failed".equals(result.phase())) {
                throw new LabctlException(ExitCode.JOB_FAILED, "application " + result.submissionId() + " failed (driver exit "
                        + result.driverExitCode() + ")", "read the driver's log: labctl spark apps logs " + result.submissionId());
            }
        }
        return 0;
    }
}
