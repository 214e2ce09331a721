package io.labctl.cli;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. The AGE column reads as kubectl's. */
class AgesTest {
    @Test
    void buckets_likeKubectl() {
        assertThat(Ages.of(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(Ages.of(Duration.ofSeconds(192))).isEqualTo("3m12s");
        assertThat(Ages.of(Duration.ofMinutes(17))).isEqualTo("17m");
        assertThat(Ages.of(Duration.ofMinutes(125))).isEqualTo("125m");
        assertThat(Ages.of(Duration.ofMinutes(4 * 60 + 5))).isEqualTo("4h5m");
        assertThat(Ages.of(Duration.ofHours(30))).isEqualTo("30h");
        assertThat(Ages.of(Duration.ofHours(3 * 24 + 4))).isEqualTo("3d4h");
        assertThat(Ages.of(Duration.ofDays(12))).isEqualTo("12d");
    }

    @Test
    void since_aTimestamp_orADashWhenThereIsNone() {
        Instant now = Instant.parse("2026-11-29T12:00:00Z");

        assertThat(Ages.since("2026-11-29T11:59:15Z", now)).isEqualTo("45s");
        assertThat(Ages.since(null, now)).isEqualTo("-");
        assertThat(Ages.since("yesterday", now)).isEqualTo("-");
    }
}
