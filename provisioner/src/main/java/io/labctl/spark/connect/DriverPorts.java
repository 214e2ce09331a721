package io.labctl.spark.connect;

import io.labctl.core.LabctlException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * The two ports executors connect back to on the driver's machine. Fixed (Spark picks random ones by default) so
 * that they can be named to a firewall and checked free before the job starts.
 *
 * @param driver       {@code spark.driver.port}: the driver's RPC endpoint
 * @param blockManager {@code spark.blockManager.port}: the driver's block manager (broadcasts, collected results)
 */
public record DriverPorts(int driver, int blockManager) {
    public static final int DEFAULT_DRIVER = 29170;
    public static final int DEFAULT_BLOCK_MANAGER = 29171;

    public static DriverPorts defaults() {
        return new DriverPorts(DEFAULT_DRIVER, DEFAULT_BLOCK_MANAGER);
    }

    /** Both ports valid, different, and free on this machine; a usage error with the fix otherwise. */
    public DriverPorts requireFree() {
        if (driver == blockManager) {
            throw LabctlException.usage("--driver-port and --block-manager-port are both " + driver,
                    "give them different ports, e.g. " + DEFAULT_DRIVER + " and " + DEFAULT_BLOCK_MANAGER);
        }
        requireFree("--driver-port", driver);
        requireFree("--block-manager-port", blockManager);
        return this;
    }

    private static void requireFree(String option, int port) {
        if (port < 1024 || port > 65535) {
            throw LabctlException.usage(option + " " + port + " is out of range", "use 1024-65535");
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw LabctlException.usage(option + " " + port + " is already in use on this machine (another driver?)",
                    "stop what uses it, or pass " + option + " with a free port, e.g. " + (port + 10));
        }
    }
}
