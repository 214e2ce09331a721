package io.labctl.kube;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class PodDiagnosisTest {

    @Test
    void insufficientCpu_isSaidInPlainWords() {
        var pod = TestPods.unschedulable("w", "worker",
                "0/4 nodes are available: 1 Insufficient cpu, 3 node(s) had untolerated taint {kwok.x-k8s.io/node: fake}. "
                        + "preemption: 0/4 nodes are available: 1 No preemption victims found for incoming pod.");
        assertThat(PodDiagnosis.explain(pod)).isEqualTo("Pending: Insufficient cpu (0/4 nodes are available: 1 Insufficient"
                + " cpu, 3 node(s) had untolerated taint {kwok.x-k8s.io/node: fake})");
        assertThat(PodDiagnosis.cannotStart(pod)).isTrue();
    }

    @Test
    void schedulerInternalsAfterTheFirstSentence_areDropped() {
        // Verbatim from the test bed's v1.34 scheduler.
        var pod = TestPods.unschedulable("w", "worker", "0/4 nodes are available: 1 Insufficient cpu, 3 node(s) had "
                + "untolerated taint(s). no new claims to deallocate, preemption: 0/4 nodes are available: 1 No "
                + "preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.");
        assertThat(PodDiagnosis.explain(pod)).isEqualTo("Pending: Insufficient cpu (0/4 nodes are available: 1 Insufficient"
                + " cpu, 3 node(s) had untolerated taint(s))");
    }

    @Test
    void missingImage_pointsAtImageLoad() {
        var pod = TestPods.waiting("w", "worker", "ErrImageNeverPull");
        assertThat(PodDiagnosis.explain(pod)).isEqualTo("image labctl/spark-worker:3.5.7 is not on the node and cannot be"
                + " pulled (ErrImageNeverPull); load it with `labctl image load`");
        assertThat(PodDiagnosis.cannotStart(pod)).isTrue();
    }

    @Test
    void crashLoop_pointsAtPreviousLogs() {
        assertThat(PodDiagnosis.explain(TestPods.waiting("w-1", "worker", "CrashLoopBackOff")))
                .startsWith("crashing (CrashLoopBackOff").contains("kubectl logs w-1 --previous");
    }

    @Test
    void startingContainer_isNotHopeless() {
        var pod = TestPods.waiting("w", "worker", "ContainerCreating");
        assertThat(PodDiagnosis.explain(pod)).isEqualTo("Pending: starting container c");
        assertThat(PodDiagnosis.cannotStart(pod)).isFalse();
    }

    @Test
    void readyAndTerminating_areRecognized() {
        assertThat(PodDiagnosis.explain(TestPods.ready("m", "master"))).isEqualTo("Ready");
        assertThat(PodDiagnosis.explain(TestPods.terminating("m", "master"))).isEqualTo("terminating");
        assertThat(PodDiagnosis.explain(TestPods.runningNotReady("m", "master")))
                .isEqualTo("Running, not ready yet (readiness probe)");
    }
}
