package io.labctl.kube;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Following one pod: wait (through a watch) until it reaches a state, and stream a container's log line by line. */
public final class PodFollower {
    private final KubernetesClient client;
    private final Progress progress;

    public PodFollower(KubernetesClient client, Progress progress) {
        this.client = client;
        this.progress = progress;
    }

    /** Waits until {@code condition} holds; TIMEOUT explains the pod's state in plain words. */
    public Pod await(PodResource pod, Predicate<Pod> condition, Duration timeout, String what) {
        try {
            return pod.informOnCondition(pods -> !pods.isEmpty() && condition.test(pods.get(0)))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(0);
        } catch (TimeoutException e) {
            Pod current = pod.get();
            throw new LabctlException(ExitCode.TIMEOUT, what + " did not get there in " + timeout.toSeconds() + "s: "
                    + (current == null ? "the pod is gone" : PodDiagnosis.explain(current)),
                    "see `kubectl describe pod`; raise --timeout for long jobs");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabctlException(ExitCode.INTERRUPTED, "interrupted while waiting for " + what, null);
        } catch (ExecutionException e) {
            throw KubeErrors.translate(e.getCause(), client.getMasterUrl().toString(), "watch " + what);
        }
    }

    /** Streams the container's log until it ends (the container exits); every line goes to {@code lines}. */
    public void streamLog(PodResource pod, String container, Consumer<String> lines) {
        try (LogWatch watch = pod.inContainer(container).watchLog();
             BufferedReader reader = new BufferedReader(new InputStreamReader(watch.getOutput(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.accept(line);
            }
        } catch (IOException | UncheckedIOException e) {
            // The stream can drop (API server or kubelet restart); the pod's final state is still awaited by the caller.
            progress.note("log stream ended early: " + e.getMessage());
        }
    }

    public static boolean isDone(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }

    public static boolean isRunningOrDone(Pod pod) {
        return isDone(pod) || (pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase()));
    }

    /** The first terminated container's exit code, or -1. */
    public static int exitCode(Pod pod) {
        if (pod == null || pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return -1;
        }
        for (ContainerStatus cs : pod.getStatus().getContainerStatuses()) {
            if (cs.getState() != null && cs.getState().getTerminated() != null) {
                return cs.getState().getTerminated().getExitCode();
            }
        }
        return -1;
    }
}
