package io.labctl.spark.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tier: unit. */
class SparkImagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"labctl/spark-master:3.5.7", "registry.example:5000/team/spark:1.0",
        "spark@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "ubuntu:22.04"})
    void requirePinned_acceptsExplicitTagsAndDigests(String image) {
        assertThatCode(() -> SparkImages.requirePinned("--image", image)).doesNotThrowAnyException();
    }

    @Test
    void requirePinned_rejectsLatest_withReason() {
        assertThatThrownBy(() -> SparkImages.requirePinned("--image", "labctl/spark:latest"))
                .hasMessage("--image 'labctl/spark:latest' uses the tag 'latest'");
    }

    @Test
    void requirePinned_rejectsUntagged_becauseItMeansLatest() {
        assertThatThrownBy(() -> SparkImages.requirePinned("--image", "registry.example:5000/spark"))
                .hasMessageContaining("has no tag");
    }

    @Test
    void requirePinned_rejectsGarbage() {
        assertThatThrownBy(() -> SparkImages.requirePinned("--image", "Spark Image"))
                .hasMessageContaining("is not a valid image reference");
    }

    @Test
    void tagOf_ignoresRegistryPort() {
        assertThat(SparkImages.tagOf("host:5000/a/b")).isNull();
        assertThat(SparkImages.tagOf("host:5000/a/b:1.2")).isEqualTo("1.2");
    }
}
