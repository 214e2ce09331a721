package io.labctl.image;

import io.labctl.cluster.ClusterRecord;
import io.labctl.cluster.FakeProvider;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.labctl.exec.ProcessRunner;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tier: unit (providers are plain Java test doubles; no engine, no cluster). */
class ImageLoaderTest {
    private static final ClusterRecord LAB1 = new ClusterRecord("lab1", "fake", 2, 2, 2048, Path.of("kubeconfig"),
            "labctl-lab1", "2026-11-22T10:00:00Z", Map.of());
    private static final List<String> IMAGES = List.of("labctl/spark-master:3.5.7", "labctl/spark-worker:3.5.7");

    private final ImageLoader loader = new ImageLoader(new ProcessRunner(Map.of()));

    @Test
    void load_providerWithoutImageLoading_isAPreconditionError_withTheProvidersOwnHint() {
        FakeProvider provider = new FakeProvider("fake");

        assertThatThrownBy(() -> loader.load(provider, LAB1, IMAGES, Progress.SILENT))
                .isInstanceOfSatisfying(LabctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.PRECONDITION);
                    assertThat(e.getMessage()).isEqualTo("labctl cannot put images on the nodes of fake cluster 'lab1'");
                    assertThat(e.hint()).isEqualTo("push the images to a registry fake's nodes can pull from");
                });
    }

    @Test
    void load_providerWithImageLoading_delegates_andReturnsTheNodesItLoaded() {
        List<String> asked = new ArrayList<>();
        FakeProvider provider = new FakeProvider("fake").loadingImagesWith((cluster, images, progress) -> {
            asked.add(cluster.name() + " " + images);
            return List.of("lab1-server", "lab1-agent-1", "lab1-agent-2");
        });

        List<String> nodes = loader.load(provider, LAB1, IMAGES, Progress.SILENT);

        assertThat(nodes).containsExactly("lab1-server", "lab1-agent-1", "lab1-agent-2");
        assertThat(asked).containsExactly("lab1 [labctl/spark-master:3.5.7, labctl/spark-worker:3.5.7]");
    }
}
