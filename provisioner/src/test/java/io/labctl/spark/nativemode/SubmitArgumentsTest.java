package io.labctl.spark.nativemode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.labctl.core.LabctlException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tier: unit (the spark-submit command line, the namespace objects, ids and validation). */
class SubmitArgumentsTest {
    static NativeSubmitRequest request(DeviceRequest devices, List<String> tolerations, Map<String, String> conf,
                                       Map<String, String> quota) {
        return new NativeSubmitRequest("lab", "spark-pi", "org.apache.spark.examples.JavaSparkPi",
                "local:///opt/spark/examples/jars/spark-examples.jar", List.of("100"), 2, null, "512m", "512m", devices,
                tolerations, conf, "labctl/spark-base:3.5.7", quota);
    }

    @Test
    void sparkSubmit_clusterModeWithTheDriversServiceAccountAndFixedPodNames() {
        List<String> args = SubmitArguments.sparkSubmit(request(null, List.of(), Map.of(), Map.of()),
                "k8s://https://kubernetes.default.svc", null, false);

        assertThat(args).startsWith("spark-submit", "--master", "k8s://https://kubernetes.default.svc", "--deploy-mode", "cluster",
                "--name", "spark-pi", "--class", "org.apache.spark.examples.JavaSparkPi");
        assertThat(args).endsWith("local:///opt/spark/examples/jars/spark-examples.jar", "100");
        assertThat(args).contains("spark.kubernetes.namespace=lab", "spark.kubernetes.authenticate.driver.serviceAccountName=labctl-spark",
                "spark.kubernetes.driver.pod.name=spark-pi-driver", "spark.executor.instances=2",
                "spark.kubernetes.container.image.pullPolicy=IfNotPresent", "spark.kubernetes.submission.waitAppCompletion=false")
                .doesNotContain("spark.kubernetes.driver.limit.cores=1");
    }

    @Test
    void sparkSubmit_memoryAsKubernetesWritesIt_reachesSparkInItsOwnForm() {
        NativeSubmitRequest r = new NativeSubmitRequest("lab", "spark-pi", "org.apache.spark.examples.JavaSparkPi",
                "local:///opt/spark/examples/jars/spark-examples.jar", List.of(), 2, null, "1Gi", "768Mi", null,
                List.of(), Map.of(), "labctl/spark-base:3.5.7", Map.of()).validate();

        assertThat(SubmitArguments.sparkSubmit(r, "k8s://x", null, false))
                .contains("spark.executor.memory=1024m", "spark.driver.memory=768m");
        assertThatThrownBy(() -> new NativeSubmitRequest("lab", "spark-pi", "org.apache.spark.examples.JavaSparkPi",
                "local:///opt/spark/examples/jars/spark-examples.jar", List.of(), 2, null, "lots", "512m", null,
                List.of(), Map.of(), "labctl/spark-base:3.5.7", Map.of()).validate())
                .hasMessage("--executor-memory 'lots' is not a memory size");
    }

    @Test
    void sparkSubmit_devicesQuotaTemplateAndTheStudentsOwnConfWins() {
        List<String> args = SubmitArguments.sparkSubmit(request(DeviceRequest.parse(1, "labctl.io/vgpu"), List.of("nvidia.com/gpu"),
                Map.of("spark.executor.instances", "3"), Map.of("cpu", "4")), "k8s://x", "/t/executor-template.yaml", true);

        assertThat(args).contains("spark.executor.resource.vgpu.amount=1", "spark.executor.resource.vgpu.vendor=labctl.io",
                "spark.executor.resource.vgpu.discoveryScript=/opt/spark/bin/discover-devices.sh",
                "spark.kubernetes.driver.limit.cores=1", "spark.kubernetes.executor.limit.cores=1",
                "spark.kubernetes.executor.podTemplateFile=/t/executor-template.yaml", "spark.executor.instances=3")
                .doesNotContain("spark.executor.instances=2");
    }

    @Test
    void namespaceObjects_letTheDriverManageItsPods_andCarryQuotaAndTemplate() {
        List<HasMetadata> objects = NativeNamespace.objects(request(null, List.of("kwok.x-k8s.io/node:NoSchedule", "gpu=a100:NoExecute"), Map.of(),
                Map.of("cpu", "4", "memory", "8Gi")));

        assertThat(objects).extracting(HasMetadata::getKind)
                .containsExactly("ServiceAccount", "Role", "RoleBinding", "ResourceQuota", "ConfigMap");
        Role role = (Role) objects.get(1);
        assertThat(role.getRules().get(0).getResources()).contains("pods", "services", "configmaps");
        assertThat(role.getRules().get(0).getVerbs()).contains("create", "delete", "watch");
        assertThat(((ResourceQuota) objects.get(3)).getSpec().getHard()).containsOnlyKeys("limits.cpu", "limits.memory");
        Pod template = new KubernetesSerialization().unmarshal(((ConfigMap) objects.get(4)).getData().get(NativeNamespace.TEMPLATE_KEY), Pod.class);
        assertThat(template.getSpec().getTolerations())
                .extracting(t -> t.getKey() + "/" + t.getOperator() + "/" + t.getValue() + "/" + t.getEffect())
                .containsExactly("kwok.x-k8s.io/node/Exists/null/NoSchedule", "gpu/Equal/a100/NoExecute");
    }

    @Test
    void submissionIds_matchGlobsWithinTheirNamespace() {
        SubmissionId id = SubmissionId.parse("lab:spark-pi-*");

        assertThat(id.namespace()).isEqualTo("lab");
        assertThat(id.matches("spark-pi-driver")).isTrue();
        assertThat(id.matches("spark-pi-long-driver")).isTrue();
        assertThat(id.matches("other-driver")).isFalse();
        assertThat(SubmissionId.parse("spark-pi-driver").namespace()).isNull();
        assertThatThrownBy(() -> SubmissionId.parse("Lab:x")).isInstanceOf(LabctlException.class);
        assertThatThrownBy(() -> SubmissionId.parse("lab:x y")).isInstanceOf(LabctlException.class);
    }

    @Test
    void deviceRequests_domainAloneMeansGpu() {
        assertThat(DeviceRequest.parse(2, "nvidia.com").resource()).isEqualTo("nvidia.com/gpu");
        assertThat(DeviceRequest.parse(1, "labctl.io/vgpu").name()).isEqualTo("vgpu");
        assertThatThrownBy(() -> DeviceRequest.parse(1, "nvidia")).hasMessageContaining("is not a vendor domain");
        assertThatThrownBy(() -> DeviceRequest.parse(0, "nvidia.com")).hasMessage("--gpus 0 is out of range (1..16 per executor)");
    }

    @Test
    void validate_namesTheWrongOption() {
        assertThatThrownBy(() -> request(null, List.of(), Map.of("executor.memory", "1g"), Map.of()).validate())
                .hasMessage("--conf executor.memory is not a Spark setting");
        assertThatThrownBy(() -> request(null, List.of(), Map.of(), Map.of("pods", "3")).validate())
                .hasMessage("--quota pods is not supported");
        assertThatThrownBy(() -> new NativeSubmitRequest("lab", "Pi", null, "local:///a.py", List.of(), 1, null, null, null, null,
                List.of(), Map.of(), "labctl/spark-base:3.5.7", Map.of()).validate()).hasMessage("application name 'Pi' is invalid");
        assertThatThrownBy(() -> new NativeSubmitRequest("lab", "pi", "C", "local:///a.py", List.of(), 1, null, null, null, null,
                List.of(), Map.of(), "labctl/spark-base:3.5.7", Map.of()).validate()).hasMessage("--class is for jar applications, not Python");
    }
}
