package io.labctl.spark.standalone;

import io.labctl.kube.TestPods;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class ReadinessTest {

    private static MasterStatus masterWithTwoAlive() throws IOException {
        return MasterStatus.parse(MasterStatusTest.fixture("master-json-scaled-down.json"));
    }

    @Test
    void readyPodsAndTwoAliveWorkers_isReadyForTwo() throws IOException {
        var pods = List.of(TestPods.ready("m", "master"), TestPods.ready("w1", "worker"), TestPods.ready("w2", "worker"));
        Readiness r = Readiness.evaluate(pods, Optional.of(masterWithTwoAlive()), 2, WaitMode.spark);
        assertThat(r.ready()).isTrue();
        assertThat(r.summary()).isEqualTo("master 1/1 ready, worker pods 2/2 ready, workers ALIVE in Spark 2/2");
        assertThat(r.missing()).isEmpty();
    }

    @Test
    void twoOfThreeRegistered_andAPendingPod_isExplainedInPlainWords() throws IOException {
        var pods = List.of(TestPods.ready("m", "master"), TestPods.ready("w1", "worker"), TestPods.ready("w2", "worker"),
                TestPods.unschedulable("spark-a-worker-x", "worker", "0/1 nodes are available: 1 Insufficient cpu."));
        Readiness r = Readiness.evaluate(pods, Optional.of(masterWithTwoAlive()), 3, WaitMode.spark);
        assertThat(r.ready()).isFalse();
        assertThat(r.missing()).isEqualTo("2 of 3 workers registered; pod spark-a-worker-x Pending: Insufficient cpu"
                + " (0/1 nodes are available: 1 Insufficient cpu)");
    }

    @Test
    void terminatingPods_doNotCount_soScalingDownWaitsForThemToGo() throws IOException {
        var pods = List.of(TestPods.ready("m", "master"), TestPods.ready("w1", "worker"), TestPods.ready("w2", "worker"),
                TestPods.terminating("w3", "worker"));
        assertThat(Readiness.evaluate(pods, Optional.of(masterWithTwoAlive()), 2, WaitMode.spark).ready()).isTrue();
    }

    @Test
    void podsMode_ignoresSpark() {
        var pods = List.of(TestPods.ready("m", "master"), TestPods.ready("w1", "worker"));
        Readiness r = Readiness.evaluate(pods, Optional.empty(), 1, WaitMode.pods);
        assertThat(r.ready()).isTrue();
        assertThat(r.summary()).isEqualTo("master 1/1 ready, worker pods 1/1 ready");
    }

    @Test
    void silentMaster_isNamed() {
        var pods = List.of(TestPods.ready("m", "master"));
        Readiness r = Readiness.evaluate(pods, Optional.empty(), 0, WaitMode.spark);
        assertThat(r.ready()).isFalse();
        assertThat(r.missing()).isEqualTo("the Spark master's status page did not answer");
    }

    @Test
    void podsNotReadyYet_andTheMasterNotRead_explainsThePods_notTheMaster() {
        var pods = List.of(TestPods.ready("m", "master"), TestPods.runningNotReady("w1", "worker"));
        Readiness r = Readiness.evaluate(pods, Optional.empty(), 1, WaitMode.spark);
        assertThat(r.ready()).isFalse();
        assertThat(r.summary()).isEqualTo("master 1/1 ready, worker pods 0/1 ready, workers ALIVE in Spark ?/1");
        assertThat(r.missing()).isEqualTo("pod w1 Running, not ready yet (readiness probe)");
    }

    @Test
    void extraWorkerPodsDuringARollout_areNotReadyYet() throws IOException {
        var pods = List.of(TestPods.ready("m", "master"), TestPods.ready("w1", "worker"), TestPods.ready("w2", "worker"),
                TestPods.runningNotReady("w3", "worker"));
        Readiness r = Readiness.evaluate(pods, Optional.of(masterWithTwoAlive()), 2, WaitMode.spark);
        assertThat(r.ready()).isFalse();
        assertThat(r.missing()).isEqualTo("3 worker pods exist, 2 wanted; pod w3 Running, not ready yet (readiness probe)");
    }
}
