package io.labctl.spark.access;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class AccessKubectlTest {
    private static final UiTarget MASTER = new UiTarget("lab", "spark-a", SparkUi.Kind.MASTER, "master",
            "spark-a-master-abc", 8080, null, List.of());

    @Test
    void ui_master_isAPortForwardOfTheService() {
        assertThat(AccessKubectl.ui(MASTER, 8080, Optional.empty())).containsExactly(
                "kubectl port-forward -n lab svc/spark-a-master-svc 8080:8080   # then open http://localhost:8080");
    }

    @Test
    void ui_masterOnMinikube_addsMinikubeService() {
        assertThat(AccessKubectl.ui(MASTER, 18080, Optional.of("lab1"))).containsExactly(
                "kubectl port-forward -n lab svc/spark-a-master-svc 18080:8080   # then open http://localhost:18080",
                "minikube service -p lab1 -n lab spark-a-master-svc --url   # the NodePort URLs: the second one is the UI (port 8080)");
    }

    @Test
    void ui_workerAndDriver_forwardTheirPod() {
        UiTarget worker = new UiTarget("lab", "spark-a", SparkUi.Kind.WORKER, "worker 2", "spark-a-worker-x", 8081, null, List.of());

        assertThat(AccessKubectl.ui(worker, 8081, Optional.of("lab1"))).containsExactly(
                "kubectl port-forward -n lab pod/spark-a-worker-x 8081:8081   # then open http://localhost:8081");
    }

    @Test
    void ui_nothingForwarded_nothingToDoByHand() {
        UiTarget host = new UiTarget("lab", "spark-a", SparkUi.Kind.APP, "application", null, 4040, "http://localhost:4040",
                List.of());

        assertThat(AccessKubectl.ui(host, 4040, Optional.empty())).isEmpty();
    }

    @Test
    void logs_master_selectsByLabelWithAllLines() {
        LogRequest master = new LogRequest("lab", "spark-a", LogRequest.Selection.MASTER, 0, false, null, null);

        assertThat(AccessKubectl.logs(master, Optional.empty())).isEqualTo(
                "kubectl logs -n lab -l app.kubernetes.io/instance=spark-a,app.kubernetes.io/component=master --prefix --tail=-1");
    }

    @Test
    void logs_allFollowed_quotesTheSetSelector_andRaisesKubectlsFollowLimit() {
        LogRequest all = new LogRequest("lab", "spark-a", LogRequest.Selection.ALL, 0, true, Duration.ofMinutes(5), 20);

        assertThat(AccessKubectl.logs(all, Optional.empty())).isEqualTo("kubectl logs -n lab -l "
                + "'app.kubernetes.io/instance=spark-a,app.kubernetes.io/component in (master,worker)' --prefix"
                + " --max-log-requests=20 -f --since=5m --tail=20");
    }

    @Test
    void logs_oneWorker_namesItsPod() {
        LogRequest worker = new LogRequest("lab", "spark-a", LogRequest.Selection.WORKER, 2, true, null, null);

        assertThat(AccessKubectl.logs(worker, Optional.of("spark-a-worker-x"))).isEqualTo(
                "kubectl logs -n lab pod/spark-a-worker-x --prefix -f");
    }

    @Test
    void shell_isAThrowawayKubectlRunPod_withTheDriverAtItsOwnAddress() {
        assertThat(AccessKubectl.shell("lab", "spark-a-shell", "labctl/spark-master:3.5.7", List.of("pyspark"),
                "spark://spark-a-master-svc.lab.svc:7077")).isEqualTo("kubectl run -n lab spark-a-shell -it --rm"
                + " --restart=Never --image=labctl/spark-master:3.5.7 -- bash -c 'pyspark --master"
                + " spark://spark-a-master-svc.lab.svc:7077 --conf spark.driver.host=$(hostname -i)"
                + " --conf spark.driver.bindAddress=0.0.0.0'");
    }
}
