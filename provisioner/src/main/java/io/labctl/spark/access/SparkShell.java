package io.labctl.spark.access;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.ExecListener;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.labctl.kube.AccessCheck;
import io.labctl.kube.AccessCheck.Permission;
import io.labctl.kube.KubeErrors;
import io.labctl.kube.PodDiagnosis;
import io.labctl.kube.PodFollower;
import io.labctl.kube.PodNameSuffix;
import io.labctl.spark.pod.JobPodBuilder;
import io.labctl.spark.pod.JobPodConfig;
import io.labctl.spark.pod.ShellArgsStep;
import io.labctl.spark.pod.TerminalStep;
import io.labctl.spark.standalone.DriverPods;
import io.labctl.spark.standalone.SparkClusterSpec;
import io.labctl.spark.standalone.SparkLabels;
import io.labctl.spark.standalone.StandaloneClusters;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * An interactive Spark shell against a cluster ({@code labctl spark shell}): a short-lived pod in the cluster's
 * namespace runs spark-shell, pyspark or spark-sql in client mode (the driver in that pod, next to the executors), the
 * user's terminal is attached to it through the API server, and the pod is removed when the shell exits.
 */
public final class SparkShell {
    /** The component label of shell pods: teardown removes them with the cluster, {@code ui --app} finds them. */
    public static final String COMPONENT = "shell";
    /** Scheduling and starting the container should take seconds, not minutes. */
    static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    /** After the shell exits, the pod's final state and its deletion come within seconds. */
    static final Duration END_TIMEOUT = Duration.ofMinutes(1);
    static final int DRIVER_MEMORY_MIB = 512;

    /** The three shells of a Spark distribution. */
    public enum Program {
        SPARK_SHELL("spark-shell"), PYSPARK("pyspark"), SQL("spark-sql");

        private final String command;

        Program(String command) {
            this.command = command;
        }

        public String command() {
            return command;
        }
    }

    /** The shell's pod as built, and the kubectl line that starts the same shell by hand. */
    public record Plan(String cluster, Program program, Pod pod, String kubectl) {
        public String podName() {
            return pod.getMetadata().getName();
        }

        public String namespace() {
            return pod.getMetadata().getNamespace();
        }
    }

    private final KubernetesClient client;
    private final Progress progress;

    public SparkShell(KubernetesClient client, Progress progress) {
        this.client = client;
        this.progress = progress;
    }

    /** Builds the pod from the cluster's recorded spec; NOT_FOUND (3) for an unknown cluster, nothing created. */
    public Plan plan(String namespace, String cluster, Program program) {
        StandaloneClusters clusters = new StandaloneClusters(client);
        SparkClusterSpec spec = clusters.recordedSpec(clusters.requireMaster(namespace, cluster));
        String podName = cluster + "-" + COMPONENT + "-" + PodNameSuffix.next();
        String masterUrl = DriverPods.masterUrl(namespace, cluster);
        JobPodConfig config = new JobPodConfig(podName, namespace, SparkLabels.component(cluster, COMPONENT),
                spec.masterImage(), masterUrl, "labctl-" + cluster + "-" + program.command(), null, program.command(),
                List.of(), DriverPods.executorConf(spec), DRIVER_MEMORY_MIB, false, null, DriverPods.clusterVolumes(spec));
        Pod pod = new JobPodBuilder(List.of(
                new ShellArgsStep(),  // pyspark/spark-shell/spark-sql with the client-mode options of a job
                new TerminalStep()    // stdin + TTY, and the wait for labctl to attach
        )).build(config);
        return new Plan(cluster, program, pod, AccessKubectl.shell(namespace, cluster + "-" + COMPONENT,
                spec.masterImage(), List.of(program.command()), masterUrl));
    }

    /**
     * Starts the pod, attaches {@code terminal} until the shell exits, removes the pod and returns the shell's exit
     * code. The pod is removed however this ends (an error, Ctrl-C on labctl itself, the JVM going down).
     */
    public int run(Plan plan, ShellTerminal terminal) {
        String ns = plan.namespace();
        new AccessCheck(client).require(List.of(Permission.of("create", "", "pods", ns), Permission.of("delete", "", "pods", ns),
                Permission.of("watch", "", "pods", ns), new Permission("create", "", "pods", "attach", ns)),
                "starting a Spark shell");
        PodResource pod = client.pods().inNamespace(ns).withName(plan.podName());
        progress.step("Starting pod " + plan.podName() + " (" + plan.program().command() + " --master "
                + DriverPods.masterUrl(ns, plan.cluster()) + ")");
        KubeErrors.call(client, () -> client.resource(plan.pod()).create(), "create pod " + plan.podName());
        Thread cleanup = new Thread(() -> deleteQuietly(pod), "remove-" + plan.podName());
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            PodFollower follower = new PodFollower(client, progress);
            Pod started = follower.await(pod, p -> PodFollower.isRunningOrDone(p) || PodDiagnosis.cannotStart(p),
                    START_TIMEOUT, "shell pod " + plan.podName());
            if (PodDiagnosis.cannotStart(started)) {
                throw LabctlException.precondition("shell pod " + plan.podName() + " cannot start: "
                        + PodDiagnosis.explain(started), "fix the cause above and run the shell again");
            }
            progress.step("Attached to " + plan.program().command() + " in pod " + plan.podName()
                    + " (exit the shell to end; the pod is removed then)");
            attach(pod, terminal);
            Pod ended = follower.await(pod, PodFollower::isDone, END_TIMEOUT, "shell pod " + plan.podName() + " to end");
            return PodFollower.exitCode(ended);
        } finally {
            KubeErrors.call(client, pod::delete, "delete pod " + plan.podName());
            new PodFollower(client, Progress.SILENT).awaitGone(pod, END_TIMEOUT, "shell pod " + plan.podName());
            removeHook(cleanup);
        }
    }

    /** The terminal in raw mode and attached until the shell's stream closes; the terminal is restored in any case. */
    private void attach(PodResource pod, ShellTerminal terminal) {
        CountDownLatch closed = new CountDownLatch(1);
        ExecListener listener = new ExecListener() {
            @Override
            public void onClose(int code, String reason) {
                closed.countDown();
            }

            @Override
            public void onFailure(Throwable t, Response failureResponse) {
                closed.countDown();
            }
        };
        terminal.raw();
        try (ExecWatch watch = pod.inContainer(JobPodConfig.CONTAINER).redirectingInput().writingOutput(terminal.out())
                .withTTY().usingListener(listener).attach()) {
            terminal.size().ifPresent(size -> watch.resize(size.columns(), size.rows()));
            OutputStream stdin = watch.getInput();
            stdin.write("\n".getBytes(StandardCharsets.US_ASCII)); // opens TerminalStep's wait
            stdin.flush();
            Thread keys = new Thread(() -> copy(terminal.in(), stdin), "shell-keys");
            keys.setDaemon(true); // blocked in a read of the keyboard; the process ends with the shell
            keys.start();
            closed.await();
        } catch (IOException e) {
            throw new LabctlException(ExitCode.INTERNAL, "lost the shell's terminal: " + e.getMessage(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabctlException(ExitCode.INTERRUPTED, "interrupted while the shell ran", null);
        } finally {
            terminal.restore();
        }
    }

    private static void copy(InputStream in, OutputStream out) {
        byte[] buffer = new byte[1024];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
            out.close(); // end of input: the shell sees EOF, as after Ctrl-D
        } catch (IOException e) {
            // the shell ended and its stream with it
        }
    }

    private void deleteQuietly(PodResource pod) {
        try {
            pod.delete();
        } catch (RuntimeException e) {
            // the JVM is going down; `labctl spark teardown` removes a pod left behind
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs, and deleting twice is harmless
        }
    }
}
