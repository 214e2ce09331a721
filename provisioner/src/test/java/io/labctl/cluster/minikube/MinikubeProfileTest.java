package io.labctl.cluster.minikube;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.api.model.NamedContextBuilder;
import io.labctl.cluster.ClusterRecord;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class MinikubeProfileTest {

    @Test
    void labctlsOwnMinikubeCluster_isFoundByItsContext() {
        ClusterRecord record = new ClusterRecord("lab1", "minikube", 2, 2, 4096, Path.of("/k"), "labctl-lab1", "now",
                Map.of("profile", "lab1"));

        assertThat(MinikubeProfile.of(context("labctl-lab1", "lab1", null), List.of(record))).contains("lab1");
    }

    @Test
    void aContextMinikubeWroteItself_isFoundByItsProviderExtension() {
        NamedContext written = context("minikube", "minikube", Map.of("provider", "minikube.sigs.k8s.io",
                "version", "v1.34.0"));

        assertThat(MinikubeProfile.of(written, List.of())).contains("minikube");
    }

    @Test
    void otherClusters_haveNoProfile() {
        ClusterRecord k3s = new ClusterRecord("lab1", "k3s", 2, 2, 4096, Path.of("/k"), "labctl-lab1", "now", Map.of());

        assertThat(MinikubeProfile.of(context("labctl-lab1", "lab1", null), List.of(k3s))).isEmpty();
        assertThat(MinikubeProfile.of(context("kind-a", "kind-a", Map.of("provider", "kind")), List.of())).isEmpty();
        assertThat(MinikubeProfile.of(null, List.of(k3s))).isEmpty();
    }

    private static NamedContext context(String name, String cluster, Map<String, Object> extension) {
        NamedContextBuilder builder = new NamedContextBuilder().withName(name).withNewContext().withCluster(cluster)
                .withUser(name).endContext();
        if (extension != null) {
            builder.editContext().addNewExtension().withName("context_info").withExtension(extension).endExtension()
                    .endContext();
        }
        return builder.build();
    }
}
