package io.labctl.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class DurationsTest {

    @Test
    void format_writesDurationsTheWayKubectlFlagsTakeThem() {
        assertThat(Durations.format(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0ms");
        assertThat(Durations.format(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(Durations.format(Duration.ofMinutes(3))).isEqualTo("3m");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(Durations.format(Duration.ofHours(2).plusSeconds(5))).isEqualTo("2h5s");
        assertThat(Durations.format(Duration.ofSeconds(-3))).isEqualTo("-3s");
    }
}
