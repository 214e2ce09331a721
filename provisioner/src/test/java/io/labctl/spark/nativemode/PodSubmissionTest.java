package io.labctl.spark.nativemode;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit (the submitter pod, built by the spark/pod steps plus the cluster-mode submit). */
class PodSubmissionTest {

    @Test
    void pod_runsClusterModeSparkSubmitAsLabctlsServiceAccount_withTheExecutorTemplateMounted() {
        NativeSubmitRequest request = SubmitArgumentsTest.request(null, List.of("nvidia.com/gpu:NoSchedule"), Map.of(),
                Map.of());
        String template = PodSubmission.TEMPLATE_DIR + "/" + NativeNamespace.TEMPLATE_KEY;

        Pod pod = PodSubmission.pod(request);

        Quantity memory = new Quantity("768Mi"); // spark-submit's 384 MiB heap plus Spark's 384 MiB overhead
        assertThat(pod).isEqualTo(new PodBuilder()
                .withNewMetadata().withName("spark-pi-submit").withNamespace("lab")
                .withLabels(Map.of("app.kubernetes.io/managed-by", "labctl", "app.kubernetes.io/component", "spark-submit",
                        "spark-app-name", "spark-pi")).endMetadata()
                .withNewSpec().withRestartPolicy("Never").withEnableServiceLinks(false).withTerminationGracePeriodSeconds(1L)
                .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(185L).endSecurityContext()
                .withServiceAccountName("labctl-spark")
                .addNewVolume().withName("spark-pi" + NativeNamespace.TEMPLATE_CONFIG_MAP_SUFFIX).withNewConfigMap()
                .withName("spark-pi" + NativeNamespace.TEMPLATE_CONFIG_MAP_SUFFIX).endConfigMap().endVolume()
                .addNewContainer().withName("spark-submit").withImage("labctl/spark-base:3.5.7")
                .withImagePullPolicy("IfNotPresent")
                .withArgs(SubmitArguments.sparkSubmit(request, PodSubmission.IN_CLUSTER_MASTER, template, false))
                .withNewResources().addToRequests("cpu", new Quantity("100m")).addToRequests("memory", memory)
                .addToLimits("cpu", new Quantity("1")).addToLimits("memory", memory).endResources()
                .addNewVolumeMount().withName("spark-pi" + NativeNamespace.TEMPLATE_CONFIG_MAP_SUFFIX)
                .withMountPath(PodSubmission.TEMPLATE_DIR).endVolumeMount()
                .endContainer().endSpec().build());
    }

    @Test
    void pod_withoutTolerations_mountsNothing() {
        Pod pod = PodSubmission.pod(SubmitArgumentsTest.request(null, List.of(), Map.of(), Map.of()));

        assertThat(pod.getSpec().getVolumes()).isEmpty();
        assertThat(pod.getSpec().getContainers().get(0).getArgs()).doesNotContain(
                "spark.kubernetes.executor.podTemplateFile=" + PodSubmission.TEMPLATE_DIR + "/" + NativeNamespace.TEMPLATE_KEY);
    }
}
