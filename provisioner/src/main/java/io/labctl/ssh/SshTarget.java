package io.labctl.ssh;

import java.nio.file.Path;

/**
 * Where and as whom to connect, and the one host key to accept there (an OpenSSH public key line,
 * "ssh-ed25519 AAAA... comment"). There is no "accept any key" mode.
 */
public record SshTarget(String host, int port, String user, Path identityFile, String hostPublicKey) {
    public String address() {
        return port == 22 ? host : "[" + host + "]:" + port;
    }

    public SshTarget withHostPublicKey(String key) {
        return new SshTarget(host, port, user, identityFile, key);
    }

    /** The key type of the recorded host key (ssh-ed25519, ecdsa-sha2-nistp256, ssh-rsa...). */
    public String hostKeyType() {
        return hostPublicKey == null ? null : hostPublicKey.strip().split("\\s+")[0];
    }
}
