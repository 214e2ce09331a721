package io.labctl.spark.pod;

import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class SubmitArgsStepTest {

    @Test
    void clientModeSubmit_withDriverAtThePodIp() {
        Pod base = new BaseJobPodStep().apply(new Pod(), JobPodConfigs.defaults());
        Pod pod = new SubmitArgsStep().apply(base, JobPodConfigs.defaults());
        assertThat(pod).isEqualTo(new PodBuilder(base).editSpec().editFirstContainer()
                .addToEnv(new EnvVarBuilder().withName("POD_IP").withNewValueFrom().withNewFieldRef()
                        .withFieldPath("status.podIP").endFieldRef().endValueFrom().build())
                .withArgs(List.of("spark-submit", "--master", "spark://spark-a-master-svc.lab.svc:7077",
                        "--deploy-mode", "client", "--name", "labctl-spark-a-pi", "--driver-memory", "512m",
                        "--conf", "spark.driver.host=$(POD_IP)", "--conf", "spark.driver.bindAddress=0.0.0.0",
                        "--conf", "spark.executor.memory=1024m",
                        "--class", "org.apache.spark.examples.JavaSparkPi",
                        "/opt/spark/examples/jars/spark-examples.jar", "10"))
                .endContainer().endSpec().build());
    }

    @Test
    void pythonApp_hasNoMainClass() {
        assertThat(SubmitArgsStep.submitArgs(JobPodConfigs.uploaded())).doesNotContain("--class")
                .endsWith(JobPodConfig.UPLOAD_DIR + "/wordcount.py", "in.txt");
    }
}
