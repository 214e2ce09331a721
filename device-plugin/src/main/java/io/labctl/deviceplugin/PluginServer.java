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
 * One life of the plugin towards one kubelet: serve on our socket, then register. The order matters: the kubelet
 * dials our socket back while handling Register, so the server must already answer.
 */
public final class PluginServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PluginServer.class.getName());
    public static final String API_VERSION = "v1beta1";

    private final PluginSettings settings;
    private final Server server;

    private PluginServer(PluginSettings settings, Server server) {
        this.settings = settings;
        this.server = server;
    }

    /**
     * Removes a stale socket of ours, serves, registers; throws if the kubelet refuses, is not there, or does not
     * answer within {@code deadline} (then our socket is removed again).
     */
    public static PluginServer startAndRegister(PluginSettings settings, VirtualDevices devices, Duration deadline)
            throws IOException {
        Files.createDirectories(settings.pluginDir());
        Files.deleteIfExists(settings.socket());
        Server server = UnixSockets.serve(settings.socket(), new VirtualDevicePlugin(settings, devices));
        PluginServer plugin = new PluginServer(settings, server);
        try {
            plugin.register(deadline);
        } catch (RuntimeException e) {
            plugin.close();
            throw e;
        }
        LOG.info("serving " + settings.resourceName() + " (" + devices.ids().size() + " devices) on " + settings.socket()
                + ", registered with the kubelet");
        return plugin;
    }

    private void register(Duration deadline) {
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
