package io.labctl.kube;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;

import java.util.Map;

/** Pods in the states the kubelet and scheduler report, for unit tests. */
public final class TestPods {
    private TestPods() {
    }

    private static PodBuilder base(String name, String component) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace("lab")
                .withLabels(Map.of("app.kubernetes.io/name", "spark", "app.kubernetes.io/instance", "spark-a",
                        "app.kubernetes.io/managed-by", "labctl", "app.kubernetes.io/component", component))
                .withCreationTimestamp("2026-11-22T10:00:00Z")
                .endMetadata().withNewSpec().addNewContainer().withName("c").withImage("labctl/spark-worker:3.5.7")
                .endContainer().endSpec();
    }

    public static Pod ready(String name, String component) {
        return base(name, component).withNewStatus().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .addNewContainerStatus().withName("c").withReady(true).withNewState().withNewRunning().endRunning()
                .endState().endContainerStatus().endStatus().build();
    }

    public static Pod runningNotReady(String name, String component) {
        return base(name, component).withNewStatus().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus("False").endCondition()
                .addNewContainerStatus().withName("c").withReady(false).withNewState().withNewRunning().endRunning()
                .endState().endContainerStatus().endStatus().build();
    }

    public static Pod unschedulable(String name, String component, String message) {
        return base(name, component).withNewStatus().withPhase("Pending")
                .addNewCondition().withType("PodScheduled").withStatus("False").withReason("Unschedulable")
                .withMessage(message).endCondition().endStatus().build();
    }

    public static Pod waiting(String name, String component, String reason) {
        return base(name, component).withNewStatus().withPhase("Pending")
                .addNewContainerStatus().withName("c").withImage("labctl/spark-worker:3.5.7").withReady(false)
                .withNewState().withNewWaiting().withReason(reason).withMessage("details").endWaiting().endState()
                .endContainerStatus().endStatus().build();
    }

    public static Pod terminating(String name, String component) {
        Pod pod = ready(name, component);
        pod.getMetadata().setDeletionTimestamp("2026-11-22T10:05:00Z");
        return pod;
    }
}
