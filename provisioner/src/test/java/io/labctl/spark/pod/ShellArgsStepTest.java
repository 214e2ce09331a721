package io.labctl.spark.pod;

import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class ShellArgsStepTest {

    @Test
    void pyspark_getsTheClientModeOptionsOfAJob_withTheDriverAtThePodIp() {
        JobPodConfig config = JobPodConfigs.shell("pyspark");
        Pod base = new BaseJobPodStep().apply(new Pod(), config);

        Pod pod = new ShellArgsStep().apply(base, config);

        assertThat(pod).isEqualTo(new PodBuilder(base).editSpec().editFirstContainer()
                .addToEnv(new EnvVarBuilder().withName("POD_IP").withNewValueFrom().withNewFieldRef()
                        .withFieldPath("status.podIP").endFieldRef().endValueFrom().build())
                .withArgs(List.of("pyspark", "--master", "spark://spark-a-master-svc.lab.svc:7077",
                        "--deploy-mode", "client", "--name", "labctl-spark-a-pyspark", "--driver-memory", "512m",
                        "--conf", "spark.driver.host=$(POD_IP)", "--conf", "spark.driver.bindAddress=0.0.0.0",
                        "--conf", "spark.executor.memory=1024m"))
                .endContainer().endSpec().build());
    }

    @Test
    void sparkSql_isTheProgramInFrontOfTheSameOptions() {
        JobPodConfig config = JobPodConfigs.shell("spark-sql");

        Pod pod = new ShellArgsStep().apply(new BaseJobPodStep().apply(new Pod(), config), config);

        assertThat(pod.getSpec().getContainers().get(0).getArgs())
                .containsExactlyElementsOf(concat("spark-sql", SubmitArgsStep.clientModeOptions(config)));
        assertThat(config.conf()).isEqualTo(Map.of("spark.executor.memory", "1024m"));
    }

    private static List<String> concat(String first, List<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }
}
