package io.labctl.kube;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class NodeImagesTest {

    private static Node nodeWith(String... names) {
        return new NodeBuilder().withNewMetadata().withName("n").endMetadata().withNewStatus()
                .addNewImage().withNames(names).withSizeBytes(1L).endImage().endStatus().build();
    }

    @Test
    void shortNames_matchTheFullyQualifiedNamesRuntimesReport() {
        Node node = nodeWith("example.registry/labctl/spark-master:3.5.7", "example.registry/library/ubuntu:22.04");
        assertThat(NodeImages.hasImage(node, "labctl/spark-master:3.5.7")).isTrue();
        assertThat(NodeImages.hasImage(node, "ubuntu:22.04")).isTrue();
    }

    @Test
    void otherTagsAndPrefixes_doNotMatch() {
        Node node = nodeWith("example.registry/labctl/spark-master:3.5.7");
        assertThat(NodeImages.hasImage(node, "labctl/spark-master:3.5.6")).isFalse();
        assertThat(NodeImages.hasImage(node, "spark-master:3.5.7")).isFalse();
    }

    @Test
    void nodesWithoutImageReports_areRecognized() {
        Node fake = new NodeBuilder().withNewMetadata().withName("fake").endMetadata().build();
        assertThat(NodeImages.reportsImages(fake)).isFalse();
        assertThat(NodeImages.hasImage(fake, "x:1")).isFalse();
    }
}
