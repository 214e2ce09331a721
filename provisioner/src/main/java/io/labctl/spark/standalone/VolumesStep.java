package io.labctl.spark.standalone;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;

import java.util.Set;

/**
 * {@code --volume}: storage the master and every worker see at the same path, so a file written once is read by
 * all executors. A {@code pvc} volume adds a PersistentVolumeClaim of the cluster's own (from the default
 * StorageClass: local-path on k3s and the test bed, minikube's hostpath provisioner), labelled like the cluster so
 * that teardown finds it; {@code hostPath} and {@code configMap} volumes only add to the pods. A no-op without
 * {@code --volume}.
 *
 * <p>The claims are ReadWriteOnce, what every default provisioner offers: with local-path the volume lives on one
 * node and the scheduler puts the pods that mount it there.
 */
public final class VolumesStep implements ClusterObjectsStep {
    static final String COMPONENT = "storage";

    @Override
    public ClusterObjects apply(ClusterObjects previous, SparkClusterSpec spec) {
        ClusterObjects objects = previous;
        for (VolumeSpec volume : spec.volumeSpecs()) {
            if (volume.type() == VolumeSpec.Type.pvc) {
                objects = objects.with(claim(spec, volume));
            }
            Volume podVolume = podVolume(spec, volume);
            objects = objects.mapSparkDeployments(deployment -> new DeploymentBuilder(deployment)
                    .editSpec().editTemplate().editSpec()
                    .addToVolumes(podVolume)
                    .editFirstContainer()
                    .addToVolumeMounts(new VolumeMountBuilder().withName(volume.name()).withMountPath(volume.mount())
                            .withReadOnly(volume.type() == VolumeSpec.Type.configMap ? Boolean.TRUE : null).build())
                    .endContainer()
                    .endSpec().endTemplate().endSpec()
                    .build());
        }
        return objects;
    }

    @Override
    public Set<Class<? extends HasMetadata>> mayAdd() {
        return Set.of(PersistentVolumeClaim.class);
    }

    static PersistentVolumeClaim claim(SparkClusterSpec spec, VolumeSpec volume) {
        return new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName(volume.claimName(spec.name())).withNamespace(spec.namespace())
                .addToLabels(SparkLabels.component(spec.name(), COMPONENT)).endMetadata()
                .withNewSpec().withAccessModes("ReadWriteOnce")
                .withNewResources().addToRequests("storage", new Quantity(volume.source())).endResources()
                .endSpec()
                .build();
    }

    /** The pod-side volume: the cluster's claim, the node's directory, or the ConfigMap. */
    static Volume podVolume(SparkClusterSpec spec, VolumeSpec volume) {
        VolumeBuilder pod = new VolumeBuilder().withName(volume.name());
        return switch (volume.type()) {
            case pvc -> pod.withNewPersistentVolumeClaim().withClaimName(volume.claimName(spec.name())).endPersistentVolumeClaim()
                    .build();
            case hostPath -> pod.withNewHostPath().withPath(volume.source()).withType("DirectoryOrCreate").endHostPath().build();
            case configMap -> pod.withNewConfigMap().withName(volume.source()).endConfigMap().build();
        };
    }
}
