package io.labctl.spark.access;

import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tier: unit (real sockets on loopback). */
class LocalPortTest {

    @Test
    void requireFree_aFreePort_isReturned() throws IOException {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, LocalPort.LOOPBACK)) {
            free = probe.getLocalPort();
        }
        assertThat(LocalPort.requireFree(free, "labctl spark ui spark-a")).isEqualTo(free);
    }

    @Test
    void requireFree_zero_meansAnyFreePort() {
        assertThat(LocalPort.requireFree(0, "labctl spark ui spark-a")).isZero();
    }

    @Test
    void requireFree_aPortAnotherProgramListensOn_isAUsageErrorWithTheFix() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("0.0.0.0", 0)); // on all addresses, as a student's web server would
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> LocalPort.requireFree(port, "labctl spark ui spark-a"))
                    .isInstanceOfSatisfying(LabctlException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                        assertThat(e.getMessage()).isEqualTo("local port " + port + " is already in use on this machine");
                        assertThat(e.hint()).contains("ss -ltnp 'sport = :" + port + "'")
                                .contains("labctl spark ui spark-a --port " + LocalPort.suggestion(port))
                                .contains("--port 0: any free port");
                    });
        }
    }

    @Test
    void requireFree_outOfRange_isAUsageError() {
        assertThatThrownBy(() -> LocalPort.requireFree(70000, "labctl spark ui spark-a"))
                .isInstanceOfSatisfying(LabctlException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessage("--port 70000 is not a port number");
    }

    @Test
    void suggestion_isTenThousandHigher_whileThatIsAPort() {
        assertThat(LocalPort.suggestion(8080)).isEqualTo(18080);
        assertThat(LocalPort.suggestion(60000)).isZero();
    }
}
