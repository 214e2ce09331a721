package io.labctl.grading.files;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class BuiltImagesTest {
    @Test
    void tags_fromDockerPodmanAndMinikubeBuilds_withTOrTag() {
        assertThat(BuiltImages.tags("""
                docker build -t labctl/spark-base:3.5.7 base
                podman build --tag=me/spark-worker:1 worker && echo done
                minikube image build -t me/spark-master:1 master
                docker run -t ubuntu:22.04
                """)).containsExactly("labctl/spark-base:3.5.7", "me/spark-worker:1", "me/spark-master:1");
    }

    @Test
    void role_fromTheFolderOrTheFileName() {
        assertThat(BuiltImages.role("master/Dockerfile")).isEqualTo("master");
        assertThat(BuiltImages.role("docker/worker.Dockerfile")).isEqualTo("worker");
        assertThat(BuiltImages.role("Dockerfile.base")).isEqualTo("base");
        assertThat(BuiltImages.role("Dockerfile")).isEmpty();
    }
}
