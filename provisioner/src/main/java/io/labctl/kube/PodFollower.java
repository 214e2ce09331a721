package io.labctl.kube;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.labctl.core.Progress;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
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
        return Await.on(client, pod, what).hint("see `kubectl describe pod`; raise --timeout for long jobs")
                .until(timeout, pods -> !pods.isEmpty() && condition.test(pods.get(0))
                                ? Await.Verdict.done(pods.get(0), null)
                                : Await.Verdict.notYet(pods.isEmpty() ? "the pod is gone" : PodDiagnosis.explain(pods.get(0))));
    }

    /** Waits until the pod no longer exists (deleted and, with its grace period, gone). */
    public void awaitGone(PodResource pod, Duration timeout, String what) {
        Await.on(client, pod, what + " to be gone").until(timeout, List::isEmpty, pods -> "still there");
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
