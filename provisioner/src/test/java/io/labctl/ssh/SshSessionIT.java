package io.labctl.ssh;

import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tier: real component. JSch against a real OpenSSH server (Debian's sshd) started on loopback by the test:
 * key authentication, strict host-key verification, and a wrong host key refused before anything is sent.
 */
@Tag("integration")
class SshSessionIT {
    @TempDir
    static Path dir;
    static OpenSshServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = OpenSshServer.start(dir);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void exec_withRecordedHostKey_runsTheCommandAndReportsItsExitStatus() {
        try (SshSession ssh = SshSession.open(server.target())) {
            SshResult ok = ssh.exec("echo hello from $(id -un)", Duration.ofSeconds(10));
            SshResult failing = ssh.exec("echo oops >&2; exit 7", Duration.ofSeconds(10));

            assertThat(ok.exitCode()).isZero();
            assertThat(ok.stdout().strip()).isEqualTo("hello from " + System.getProperty("user.name"));
            assertThat(failing.exitCode()).isEqualTo(7);
            assertThat(failing.stderr().strip()).isEqualTo("oops");
        }
    }

    @Test
    void uploadThenReadFile_roundTripsTheBytes() throws Exception {
        Path local = dir.resolve("kubeconfig-src");
        Files.writeString(local, "apiVersion: v1\nkind: Config\n# 0600 secret\n");
        String remote = dir.resolve("uploaded").toString();

        try (SshSession ssh = SshSession.open(server.target())) {
            ssh.upload(local, remote);
            assertThat(ssh.readFile(remote, false)).isEqualTo(Files.readString(local));
        }
    }

    @Test
    void open_withAnotherHostKeyRecorded_refusesWithAPlainMessage() throws Exception {
        Path other = dir.resolve("other_host");
        OpenSshServer.keygen(other);
        SshTarget wrongKey = server.target().withHostPublicKey(Files.readString(other.resolveSibling("other_host.pub")));

        assertThatThrownBy(() -> SshSession.open(wrongKey))
                .isInstanceOfSatisfying(LabctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.PRECONDITION);
                    assertThat(e.getMessage()).isEqualTo("refusing to connect to [127.0.0.1]:" + server.port
                            + ": its SSH host key is not the one recorded for it");
                    assertThat(e.hint()).contains("vagrant provision");
                });
    }

    @Test
    void open_withoutRecordedHostKey_refusesInsteadOfTrustingOnFirstUse() {
        assertThatThrownBy(() -> SshSession.open(server.target().withHostPublicKey(null)))
                .isInstanceOfSatisfying(LabctlException.class,
                        e -> assertThat(e.getMessage()).startsWith("no recorded SSH host key for [127.0.0.1]:"));
    }

    @Test
    void open_withAnUnauthorizedClientKey_failsAsPermissionDenied() throws Exception {
        Path stranger = dir.resolve("stranger");
        OpenSshServer.keygen(stranger);
        SshTarget target = server.target();
        SshTarget wrongIdentity = new SshTarget(target.host(), target.port(), target.user(), stranger, target.hostPublicKey());

        assertThatThrownBy(() -> SshSession.open(wrongIdentity))
                .isInstanceOfSatisfying(LabctlException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.FORBIDDEN));
    }
}
