package io.labctl.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import io.labctl.core.Durations;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * An SSH connection with JSch (the maintained com.github.mwiede fork): public-key authentication, and strict
 * host-key checking against exactly the key in the {@link SshTarget}. A different key is refused before any
 * credential or command is sent: a VM that answers with another key is not the VM labctl created.
 */
public final class SshSession implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MS = 15_000;

    private final SshTarget target;
    private final Session session;

    private SshSession(SshTarget target, Session session) {
        this.target = target;
        this.session = session;
    }

    public static SshSession open(SshTarget target) {
        if (target.hostPublicKey() == null || target.hostPublicKey().isBlank()) {
            throw LabctlException.precondition("no recorded SSH host key for " + target.address(),
                    "labctl verifies every host key; re-provision the VM so it records its key (vagrant provision)");
        }
        JSch jsch = new JSch();
        try {
            jsch.addIdentity(target.identityFile().toString());
            String knownHosts = target.address() + " " + target.hostPublicKey().strip() + "\n";
            jsch.setKnownHosts(new ByteArrayInputStream(knownHosts.getBytes(StandardCharsets.US_ASCII)));
            Session session = jsch.getSession(target.user(), target.host(), target.port());
            session.setConfig("StrictHostKeyChecking", "yes");
            session.setConfig("PreferredAuthentications", "publickey");
            // Ask for the recorded key's type first, so a server with several keys presents the one we can check.
            session.setConfig("server_host_key", target.hostKeyType() + "," + session.getConfig("server_host_key"));
            session.connect(CONNECT_TIMEOUT_MS);
            return new SshSession(target, session);
        } catch (JSchException e) {
            throw translate(target, e);
        }
    }

    /** Runs a command; its output is collected (commands here print kilobytes, not gigabytes). */
    public SshResult exec(String command, Duration timeout) {
        ChannelExec channel = null;
        try {
            channel = (ChannelExec) session.openChannel("exec");
            channel.setCommand(command);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            channel.setOutputStream(out);
            channel.setErrStream(err);
            channel.connect(CONNECT_TIMEOUT_MS);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!channel.isClosed()) {
                if (System.nanoTime() > deadline) {
                    throw new LabctlException(ExitCode.TIMEOUT, "'" + command + "' on " + target.address()
                            + " did not finish within " + Durations.format(timeout), "check the machine with ssh");
                }
                Thread.sleep(50);
            }
            return new SshResult(channel.getExitStatus(), out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } catch (JSchException e) {
            throw translate(target, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabctlException(ExitCode.INTERRUPTED, "interrupted while running '" + command + "'", null);
        } finally {
            if (channel != null) {
                channel.disconnect();
            }
        }
    }

    /** Reads a whole remote file through {@code cat} (with sudo when asked: k3s's kubeconfig is root's). */
    public String readFile(String path, boolean sudo) {
        SshResult result = exec((sudo ? "sudo -n " : "") + "cat -- '" + path.replace("'", "'\\''") + "'", Duration.ofMinutes(1));
        if (!result.succeeded()) {
            throw LabctlException.precondition("cannot read " + path + " on " + target.address() + ": "
                    + result.stderr().strip(), "is the cluster provisioned? see `labctl cluster status`");
        }
        return result.stdout();
    }

    /** Copies a local file to the remote path over SFTP. */
    public void upload(Path local, String remotePath) {
        ChannelSftp sftp = null;
        try (InputStream in = java.nio.file.Files.newInputStream(local)) {
            sftp = (ChannelSftp) session.openChannel("sftp");
            sftp.connect(CONNECT_TIMEOUT_MS);
            sftp.put(in, remotePath);
        } catch (JSchException e) {
            throw translate(target, e);
        } catch (SftpException | java.io.IOException e) {
            throw LabctlException.precondition("cannot copy " + local + " to " + target.address() + ":" + remotePath
                    + ": " + e.getMessage(), "check free space on the machine");
        } finally {
            if (sftp != null) {
                sftp.disconnect();
            }
        }
    }

    @Override
    public void close() {
        session.disconnect();
    }

    static LabctlException translate(SshTarget target, JSchException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (message.contains("HostKey has been changed") || message.contains("reject HostKey")) {
            return new LabctlException(ExitCode.PRECONDITION, "refusing to connect to " + target.address()
                    + ": its SSH host key is not the one recorded for it", "if the VM was re-created, run"
                    + " `vagrant provision` to record its new key; otherwise another machine answers on that address", e);
        }
        if (message.contains("Auth fail") || message.contains("USERAUTH fail")) {
            return new LabctlException(ExitCode.FORBIDDEN, "SSH key authentication as " + target.user() + " on "
                    + target.address() + " failed", "check the key " + target.identityFile() + " (vagrant ssh-config)", e);
        }
        if (message.contains("Connection refused") || message.contains("timeout") || message.contains("UnknownHost")) {
            return new LabctlException(ExitCode.UNREACHABLE, "cannot reach SSH at " + target.address() + ": " + message,
                    "is the VM running? `labctl cluster status`", e);
        }
        return new LabctlException(ExitCode.UNREACHABLE, "SSH to " + target.address() + " failed: " + message,
                "try `vagrant ssh` to see what the machine says", e);
    }
}
