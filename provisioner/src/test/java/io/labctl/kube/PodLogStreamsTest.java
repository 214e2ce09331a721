package io.labctl.kube;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier: unit, against fabric8's mock API server in CRUD mode (logs are expectations, served whole). Following real
 * pods across a master restart runs in SparkAccessIT.
 */
@EnableKubernetesMockClient(crud = true)
class PodLogStreamsTest {
    KubernetesClient client;
    KubernetesMockServer server;

    /** Before the extension stops the server: an informer's watch still closing would hold its shutdown 10 s. */
    @AfterEach
    void closeClientFirst() {
        client.close();
    }

    @Test
    void follow_aPodThatAppearsLater_isFollowedFromItsFirstLine_untilInterrupted() throws Exception {
        expectLog("m-1", "old 1\nold 2\n");
        expectLog("m-2", "new 1\n");
        client.resource(TestPods.ready("m-1", "master")).createOr(NonDeletingOperation::update);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread following = new Thread(() -> {
            try {
                new PodLogStreams(client, Progress.SILENT).follow(client.pods().inNamespace("lab"), "the pods", p -> true,
                        new PodLogStreams.Window(null, 5), line -> lines.add(line.prefixed()), (pods, open) -> false);
            } catch (Throwable t) {
                ended.set(t);
            }
        });
        following.start();
        assertThat(lines.poll(20, TimeUnit.SECONDS)).isEqualTo("[pod/m-1/c] old 1");
        assertThat(lines.poll(20, TimeUnit.SECONDS)).isEqualTo("[pod/m-1/c] old 2");

        client.resource(TestPods.ready("m-2", "master")).createOr(NonDeletingOperation::update); // what a Deployment does after a deletion

        assertThat(lines.poll(20, TimeUnit.SECONDS)).isEqualTo("[pod/m-2/c] new 1");
        following.interrupt();
        following.join(20_000);
        assertThat(ended.get()).isInstanceOfSatisfying(LabctlException.class,
                e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INTERRUPTED));
    }

    @Test
    void follow_finished_endsTheFollowNormally() {
        expectLog("w-1", "line\n");
        client.resource(TestPods.ready("w-1", "worker")).createOr(NonDeletingOperation::update);
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();

        // finished once the one stream ran dry, as for a worker pod that ended
        new PodLogStreams(client, Progress.SILENT).follow(client.pods().inNamespace("lab").withName("w-1"), "w-1",
                p -> true, PodLogStreams.Window.ALL, line -> lines.add(line.text()), (pods, open) -> open == 0 && !lines.isEmpty());

        assertThat(lines).containsExactly("line");
    }

    private void expectLog(String pod, String body) {
        // the pod there from the start is read with the window (tail 5), a later one from its first line
        server.expect().get().withPath("/api/v1/namespaces/lab/pods/" + pod + "/log?pretty=false&container=c"
                + (pod.equals("m-1") ? "&tailLines=5" : "") + "&follow=true").andReturn(200, body).always();
    }

    @Test
    void line_prefixed_likeKubectlLogsPrefix() {
        assertThat(new PodLogStreams.Line("spark-a-master-1", "spark-master", "INFO Master: Starting").prefixed())
                .isEqualTo("[pod/spark-a-master-1/spark-master] INFO Master: Starting");
    }

    @Test
    void started_runningOrTerminatedContainersHaveALog_waitingOnesNot() {
        assertThat(PodLogStreams.started(TestPods.ready("a", "master"))).extracting(ContainerStatus::getName).containsExactly("c");
        assertThat(PodLogStreams.started(TestPods.waiting("b", "worker", "ContainerCreating"))).isEmpty();
        assertThat(PodLogStreams.started(TestPods.unschedulable("c", "worker", "0/1 nodes are available"))).isEmpty();
    }

    @Test
    void key_aRestartedContainer_isANewStream() {
        Pod pod = new PodBuilder(TestPods.ready("a", "master")).editMetadata().withUid("u1").endMetadata().build();
        ContainerStatus first = pod.getStatus().getContainerStatuses().get(0);
        Pod restarted = new PodBuilder(pod).editStatus().editFirstContainerStatus().withRestartCount(1)
                .endContainerStatus().endStatus().build();

        assertThat(PodLogStreams.key(pod, first)).isEqualTo("u1/c/0");
        assertThat(PodLogStreams.key(restarted, restarted.getStatus().getContainerStatuses().get(0))).isEqualTo("u1/c/1");
    }
}
