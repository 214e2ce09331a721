package io.labctl.deviceplugin;

import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.labctl.spark.standalone.ManifestTemplate;

import java.util.Map;

/** The DaemonSet of manifests/device-plugin/, rendered for one request. */
public final class DevicePluginManifest {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private DevicePluginManifest() {
    }

    public static String yaml(DevicePluginRequest request) {
        return ManifestTemplate.load(request.type().manifest()).render(Map.of(
                "NAME", request.name(),
                "NAMESPACE", request.namespace(),
                "IMAGE", request.image(),
                "RESOURCE_NAME", request.resource(),
                "COUNT", String.valueOf(request.count())));
    }

    public static DaemonSet daemonSet(DevicePluginRequest request) {
        return SERIALIZATION.unmarshal(yaml(request), DaemonSet.class);
    }
}
