package io.labctl.cluster.vagrant;

import io.labctl.ssh.SshTarget;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code vagrant ssh-config}: where each VM's SSH listens (usually a forwarded port on 127.0.0.1), as whom
 * to log in and with which key. It says nothing trustworthy about host keys (it even disables their checking),
 * so the targets it returns carry no host key: the caller adds the key the VM recorded through the synced folder.
 */
public final class SshConfigParser {
    private SshConfigParser() {
    }

    public static Map<String, SshTarget> parse(String output) {
        Map<String, SshTarget> targets = new LinkedHashMap<>();
        String host = null;
        String hostName = null;
        String user = "vagrant";
        String identity = null;
        int port = 22;
        for (String raw : (output + "\nHost _end").split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            String key = parts[0].toLowerCase(java.util.Locale.ROOT);
            String value = parts.length > 1 ? parts[1].strip() : "";
            switch (key) {
                case "host" -> {
                    if (host != null && hostName != null && identity != null) {
                        targets.put(host, new SshTarget(hostName, port, user, Path.of(unquote(identity)), null));
                    }
                    host = value;
                    hostName = null;
                    user = "vagrant";
                    identity = null;
                    port = 22;
                }
                case "hostname" -> hostName = value;
                case "user" -> user = value;
                case "port" -> port = Integer.parseInt(value);
                case "identityfile" -> identity = identity == null ? value : identity;
                default -> {
                    // StrictHostKeyChecking, UserKnownHostsFile...: labctl checks host keys itself
                }
            }
        }
        return targets;
    }

    private static String unquote(String value) {
        return value.length() > 1 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}
