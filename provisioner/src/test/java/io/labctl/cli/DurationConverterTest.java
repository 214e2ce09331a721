package io.labctl.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tier: unit. */
class DurationConverterTest {
    private final DurationConverter converter = new DurationConverter();

    @Test
    void kubectlStyleDurations() {
        assertThat(converter.convert("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(converter.convert("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(converter.convert("1h30m")).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void garbageAndZero_areRejected() {
        assertThatThrownBy(() -> converter.convert("5")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> converter.convert("5mx")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> converter.convert("0s")).isInstanceOf(TypeConversionException.class);
    }

    @Test
    void durationsBeyondWhatAJavaDurationHolds_areAConversionError_notAnArithmeticException() {
        assertThatThrownBy(() -> converter.convert("99999999999999999999h")).isInstanceOf(TypeConversionException.class)
                .hasMessage("'99999999999999999999h' is longer than any duration labctl can wait");
        assertThatThrownBy(() -> converter.convert("9223372036854775807h")).isInstanceOf(TypeConversionException.class);
    }
}
