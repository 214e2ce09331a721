package io.labctl.deviceplugin;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.labctl.deviceplugin.v1beta1.RegisterRequest;
import io.labctl.deviceplugin.v1beta1.RegistrationGrpc;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The plugin's gRPC server on its socket, and its Register calls to the kubelet. Serving comes first: the kubelet
 * dials our socket back while handling Register, so the server must already answer. One server may register
 * several times (with each new kubelet): Register is idempotent for the kubelet, and keeping the server up means
 * the kubelet's ListAndWatch stream is never cut by a re-registration.
 */
public final class PluginServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PluginServer.class.getName());
    public static final String API_VERSION = "v1beta1";

    private final PluginSettings settings;
    private final VirtualDevices devices;
    private final Server server;

    private PluginServer(PluginSettings settings, VirtualDevices devices, Server server) {
        this.settings = settings;
        this.devices = devices;
        this.server = server;
    }

    /** Removes a stale socket of ours and serves on a fresh one. */
    public static PluginServer serve(PluginSettings settings, VirtualDevices devices) throws IOException {
        Files.createDirectories(settings.pluginDir());
        Files.deleteIfExists(settings.socket());
        return new PluginServer(settings, devices, UnixSockets.serve(settings.socket(), new VirtualDevicePlugin(settings, devices)));
    }

    /** Registers with whatever kubelet answers on kubelet.sock; throws if it refuses or does not answer in time. */
    public void register(Duration deadline) {
        ManagedChannel channel = UnixSockets.connect(settings.kubeletSocket());
        try {
            RegistrationGrpc.newBlockingStub(channel).withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .register(RegisterRequest.newBuilder()
                            .setVersion(API_VERSION)
                            .setEndpoint(settings.socketName())
                            .setResourceName(settings.resourceName())
                            .setOptions(VirtualDevicePlugin.options())
                            .build());
        } finally {
            channel.shutdownNow();
        }
        LOG.info("serving " + settings.resourceName() + " (" + devices.ids().size() + " devices) on " + settings.socket()
                + ", registered with the kubelet");
    }

    public boolean socketExists() {
        return Files.exists(settings.socket());
    }

    @Override
    public void close() {
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
            Files.deleteIfExists(settings.socket());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warning("cannot remove " + settings.socket() + ": " + e.getMessage());
        }
    }
}
