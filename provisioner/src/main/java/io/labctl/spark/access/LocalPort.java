package io.labctl.spark.access;

import io.labctl.core.LabctlException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** A port on this machine's loopback address that a forward listens on. 0 lets the system pick a free one. */
public final class LocalPort {
    /** Where forwards listen: this machine only, like {@code kubectl port-forward} by default. */
    public static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private LocalPort() {
    }

    /**
     * Fails with a usage error (exit 2) and the fix when {@code port} is out of range or another program listens on
     * it. Checked before anything contacts the cluster, so a taken port changes nothing.
     */
    public static int requireFree(int port, String retry) {
        if (port < 0 || port > 65535) {
            throw LabctlException.usage("--port " + port + " is not a port number", "use 1-65535, or 0 for any free port");
        }
        if (port == 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(LOOPBACK, port));
            return port;
        } catch (IOException e) {
            throw inUse(port, retry);
        }
    }

    /** The usage error for a port another program listens on; {@code retry} is the command to run again. */
    public static LabctlException inUse(int port, String retry) {
        return LabctlException.usage("local port " + port + " is already in use on this machine",
                "stop what listens there (`ss -ltnp 'sport = :" + port + "'` shows it), or pick another port: "
                        + retry + " --port " + suggestion(port) + " (--port 0: any free port)");
    }

    /** 8080 → 18080: easy to remember next to the original, and above the privileged range. */
    static int suggestion(int port) {
        return port + 10000 <= 65535 ? port + 10000 : 0;
    }
}
