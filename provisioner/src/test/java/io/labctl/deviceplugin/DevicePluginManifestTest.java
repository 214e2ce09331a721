package io.labctl.deviceplugin;

import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.labctl.core.LabctlException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tier: unit (the DaemonSets rendered from manifests/device-plugin/). */
class DevicePluginManifestTest {
    @Test
    void virtual_mountsTheKubeletsDirectory_andPassesResourceAndCount() {
        DaemonSet ds = DevicePluginManifest.daemonSet(new DevicePluginRequest(DevicePluginType.virtual, "kube-system",
                "example.edu/fpga", 2, "labctl/device-plugin:0.1.0").validate());

        var container = ds.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(ds.getMetadata().getNamespace()).isEqualTo("kube-system");
        assertThat(ds.getSpec().getSelector().getMatchLabels()).containsEntry("app.kubernetes.io/instance", "labctl-device-plugin");
        assertThat(container.getImage()).isEqualTo("labctl/device-plugin:0.1.0");
        assertThat(container.getImagePullPolicy()).isEqualTo("IfNotPresent");
        assertThat(container.getEnv()).extracting(e -> e.getName() + "=" + e.getValue())
                .contains("LABCTL_RESOURCE_NAME=example.edu/fpga", "LABCTL_DEVICE_COUNT=2");
        assertThat(container.getVolumeMounts().get(0).getMountPath()).isEqualTo("/var/lib/kubelet/device-plugins");
        assertThat(ds.getSpec().getTemplate().getSpec().getVolumes().get(0).getHostPath().getPath())
                .isEqualTo("/var/lib/kubelet/device-plugins");
        assertThat(DevicePluginManifest.yaml(new DevicePluginRequest(DevicePluginType.virtual, "kube-system",
                "example.edu/fpga", 2, "labctl/device-plugin:0.1.0"))).contains("#   resources: {limits: {example.edu/fpga: 1}}");
    }

    @Test
    void nvidia_runsOnlyOnGpuNodes_withItsPinnedImage() {
        DaemonSet ds = DevicePluginManifest.daemonSet(new DevicePluginRequest(DevicePluginType.nvidia, "kube-system",
                null, 0, DevicePluginType.nvidia.defaultImage()).validate());

        assertThat(ds.getSpec().getTemplate().getSpec().getNodeSelector()).containsEntry("nvidia.com/gpu.present", "true");
        assertThat(ds.getSpec().getTemplate().getSpec().getTolerations()).anySatisfy(t -> assertThat(t.getKey()).isEqualTo("nvidia.com/gpu"));
        assertThat(ds.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("nvidia/k8s-device-plugin:v0.17.0");
    }

    @Test
    void validate_refusesWhatTheKubeletWouldRefuse() {
        assertThatThrownBy(() -> new DevicePluginRequest(DevicePluginType.virtual, "kube-system", "vgpu", 4, "a:1").validate())
                .isInstanceOf(LabctlException.class).hasMessage("resource name 'vgpu' is not vendor-domain/name");
        assertThatThrownBy(() -> new DevicePluginRequest(DevicePluginType.virtual, "kube-system", "x.k8s.io/vgpu", 4, "a:1").validate())
                .hasMessageContaining("reserves");
        assertThatThrownBy(() -> new DevicePluginRequest(DevicePluginType.virtual, "kube-system", "labctl.io/vgpu", 65, "a:1").validate())
                .hasMessage("--count 65 is out of range (1..64 devices per node)");
        assertThatThrownBy(() -> new DevicePluginRequest(DevicePluginType.virtual, "kube-system", "labctl.io/vgpu", 4,
                "labctl/device-plugin:latest").validate()).hasMessageContaining("latest");
    }
}
