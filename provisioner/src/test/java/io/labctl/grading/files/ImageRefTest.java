package io.labctl.grading.files;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class ImageRefTest {

    @Test
    void parse_splitsRepositoryTagAndDigest_normalizingDockerHub() {
        assertThat(ImageRef.parse("docker.io/library/Ubuntu:22.04@sha256:abc"))
                .isEqualTo(new ImageRef("docker.io/library/Ubuntu:22.04@sha256:abc", "ubuntu", "22.04", "sha256:abc"));
        // a registry port is not a tag
        assertThat(ImageRef.parse("localhost:5000/spark-base")).extracting(ImageRef::repository, ImageRef::tag)
                .containsExactly("localhost:5000/spark-base", null);
    }

    @Test
    void pinned_needsATagOtherThanLatestOrADigest() {
        assertThat(ImageRef.parse("ubuntu:22.04").pinned()).isTrue();
        assertThat(ImageRef.parse("ubuntu@sha256:abc").pinned()).isTrue();
        assertThat(ImageRef.parse("ubuntu").pinned()).isFalse();
        assertThat(ImageRef.parse("ubuntu:latest").pinned()).isFalse();
    }

    @Test
    void isImage_acceptsCodeNamesDatedTagsAndDigestsOfTheRelease() {
        ImageRef required = ImageRef.parse("ubuntu:22.04");

        assertThat(ImageRef.parse("ubuntu:jammy").isImage(required)).isTrue();
        assertThat(ImageRef.parse("ubuntu:jammy-20240125").isImage(required)).isTrue();
        assertThat(ImageRef.parse("ubuntu:22.04@sha256:abc").isImage(required)).isTrue();
        assertThat(ImageRef.parse("ubuntu:20.04").isImage(required)).isFalse();
        assertThat(ImageRef.parse("ubuntu").isImage(required)).isFalse();
        assertThat(ImageRef.parse("ubuntu:22.04").isImage(ImageRef.parse("ubuntu:22.04@sha256:abc"))).isFalse();
    }

    @Test
    void kind_tellsOsJavaAndSparkImagesFromTheStudentsOwn() {
        assertThat(ImageRef.parse("ubuntu:22.04").kind()).isEqualTo(ImageRef.Kind.OS);
        assertThat(ImageRef.parse("eclipse-temurin:11").kind()).isEqualTo(ImageRef.Kind.JAVA);
        assertThat(ImageRef.parse("apache/spark:3.5.0").kind()).isEqualTo(ImageRef.Kind.SPARK);
        assertThat(ImageRef.parse("bde2020/spark-master:3.3.0-hadoop3.3").kind()).isEqualTo(ImageRef.Kind.SPARK);
        assertThat(ImageRef.parse("labctl/spark-base:3.5.7").kind()).isEqualTo(ImageRef.Kind.OTHER);
    }
}
