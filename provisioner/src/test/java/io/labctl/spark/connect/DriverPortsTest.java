package io.labctl.spark.connect;

import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tier: unit (a real socket on this machine). */
class DriverPortsTest {

    @Test
    void requireFree_aPortInUse_isAUsageErrorNamingTheOptionAndAnotherPort() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> new DriverPorts(port, port == 65535 ? 1024 : port + 1).requireFree())
                    .isInstanceOfSatisfying(LabctlException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                        assertThat(e.getMessage()).isEqualTo("--driver-port " + port + " is already in use on this machine"
                                + " (another driver?)");
                        assertThat(e.hint()).contains("--driver-port");
                    });
        }
    }

    @Test
    void requireFree_samePortTwiceOrOutOfRange_isAUsageError() {
        assertThatThrownBy(() -> new DriverPorts(30000, 30000).requireFree()).hasMessageContaining("are both 30000");
        assertThatThrownBy(() -> new DriverPorts(80, 30001).requireFree()).hasMessage("--driver-port 80 is out of range");
    }
}
