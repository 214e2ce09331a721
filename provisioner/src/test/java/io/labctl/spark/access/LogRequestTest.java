package io.labctl.spark.access;

import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tier: unit. */
class LogRequestTest {

    @Test
    void negativeTail_isAUsageError() {
        assertThatThrownBy(() -> new LogRequest("lab", "spark-a", LogRequest.Selection.MASTER, 0, false, null, -1))
                .isInstanceOfSatisfying(LabctlException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessage("--tail -1 is negative");
    }

    @Test
    void sinceBelowOneSecond_isAUsageError() {
        assertThatThrownBy(() -> new LogRequest("lab", "spark-a", LogRequest.Selection.ALL, 0, true, Duration.ofMillis(10), null))
                .isInstanceOfSatisfying(LabctlException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
    }

    @Test
    void tailZeroAndNoSince_areValid() {
        assertThat(new LogRequest("lab", "spark-a", LogRequest.Selection.WORKER, 2, false, null, 0).tail()).isZero();
    }
}
