package io.labctl.kube;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explains in plain words why a pod is not Ready: "Pending: Insufficient cpu", "image X is not on the
 * node (ErrImageNeverPull)", "crashing (CrashLoopBackOff, exit code 1)". Students read these lines
 * instead of digging through {@code kubectl describe}.
 */
public final class PodDiagnosis {
    private static final Pattern INSUFFICIENT = Pattern.compile("Insufficient ([a-zA-Z0-9]([a-zA-Z0-9./-]*[a-zA-Z0-9])?)");

    private PodDiagnosis() {
    }

    public static boolean isReady(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return false;
        }
        return pod.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    public static boolean isTerminating(Pod pod) {
        return pod.getMetadata().getDeletionTimestamp() != null;
    }

    /** Waiting reasons that do not go away by waiting: the image is missing, or the pod spec is wrong. */
    private static final java.util.Set<String> HOPELESS_WAITING = java.util.Set.of("ErrImageNeverPull", "ErrImagePull",
            "ImagePullBackOff", "InvalidImageName", "CreateContainerConfigError", "CreateContainerError");

    /**
     * True when the pod will not start without someone changing something: an unschedulable pod
     * short of resources, or a container stuck on its image or its configuration.
     */
    public static boolean cannotStart(Pod pod) {
        if (unschedulableReason(pod).filter(r -> r.startsWith("Insufficient")).isPresent()) {
            return true;
        }
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return false;
        }
        return pod.getStatus().getContainerStatuses().stream()
                .anyMatch(cs -> cs.getState() != null && cs.getState().getWaiting() != null
                        && HOPELESS_WAITING.contains(cs.getState().getWaiting().getReason()));
    }

    /** A short reason why the pod is not ready, or "Ready". */
    public static String explain(Pod pod) {
        if (isTerminating(pod)) {
            return "terminating";
        }
        if (isReady(pod)) {
            return "Ready";
        }
        String phase = pod.getStatus() == null ? "Pending" : String.valueOf(pod.getStatus().getPhase());
        Optional<String> unschedulable = unschedulableReason(pod);
        if (unschedulable.isPresent()) {
            return "Pending: " + unschedulable.get();
        }
        List<ContainerStatus> statuses = pod.getStatus() == null ? List.of()
                : pod.getStatus().getContainerStatuses() == null ? List.of() : pod.getStatus().getContainerStatuses();
        for (ContainerStatus cs : statuses) {
            if (cs.getState() != null && cs.getState().getWaiting() != null) {
                String reason = cs.getState().getWaiting().getReason();
                if (reason == null || "ContainerCreating".equals(reason) || "PodInitializing".equals(reason)) {
                    return phase + ": starting container " + cs.getName();
                }
                return switch (reason) {
                    case "ErrImageNeverPull", "ErrImagePull", "ImagePullBackOff", "InvalidImageName" ->
                            "image " + cs.getImage() + " is not on the node and cannot be pulled (" + reason
                                    + "); load it with `labctl image load`";
                    case "CrashLoopBackOff" -> "crashing (CrashLoopBackOff" + lastExit(cs)
                            + "); see `kubectl logs " + pod.getMetadata().getName() + " --previous`";
                    case "CreateContainerConfigError" -> "cannot create the container: "
                            + cs.getState().getWaiting().getMessage();
                    default -> phase + ": " + reason;
                };
            }
            if (cs.getState() != null && cs.getState().getTerminated() != null) {
                return "container " + cs.getName() + " exited with code " + cs.getState().getTerminated().getExitCode();
            }
            if (cs.getState() != null && cs.getState().getRunning() != null && !Boolean.TRUE.equals(cs.getReady())) {
                return "Running, not ready yet (readiness probe)";
            }
        }
        return phase;
    }

    /** The scheduler's message in plain words ("Insufficient cpu"), if the pod cannot be scheduled. */
    static Optional<String> unschedulableReason(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        for (PodCondition c : pod.getStatus().getConditions()) {
            if ("PodScheduled".equals(c.getType()) && "False".equals(c.getStatus())
                    && "Unschedulable".equals(c.getReason())) {
                String message = c.getMessage() == null ? "unschedulable" : c.getMessage();
                Matcher m = INSUFFICIENT.matcher(message);
                StringBuilder resources = new StringBuilder();
                while (m.find()) {
                    resources.append(resources.isEmpty() ? "Insufficient " : ", ").append(m.group(1));
                }
                if (!resources.isEmpty()) {
                    return Optional.of(resources + " (" + firstSentence(message) + ")");
                }
                return Optional.of(firstSentence(message));
            }
        }
        return Optional.empty();
    }

    private static String firstSentence(String message) {
        // "0/4 nodes are available: 1 Insufficient cpu, 3 node(s) had untolerated taint(s). no new claims to
        // deallocate, preemption: ...": the first sentence says it all, the rest is scheduler internals.
        int preemption = message.indexOf(" preemption:");
        String head = preemption > 0 ? message.substring(0, preemption) : message;
        int sentenceEnd = head.indexOf(". ");
        if (sentenceEnd > 0) {
            head = head.substring(0, sentenceEnd);
        }
        return head.trim().replaceAll("[.,]+$", "");
    }

    private static String lastExit(ContainerStatus cs) {
        if (cs.getLastState() != null && cs.getLastState().getTerminated() != null) {
            return ", last exit code " + cs.getLastState().getTerminated().getExitCode();
        }
        return "";
    }
}
