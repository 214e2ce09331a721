package io.labctl.deviceplugin;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.stub.StreamObserver;
import io.labctl.deviceplugin.v1beta1.DevicePluginGrpc;
import io.labctl.deviceplugin.v1beta1.DevicePluginOptions;
import io.labctl.deviceplugin.v1beta1.Empty;
import io.labctl.deviceplugin.v1beta1.RegisterRequest;
import io.labctl.deviceplugin.v1beta1.RegistrationGrpc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An in-process stand-in for the kubelet's Registration service on a temporary socket. Like the kubelet, it dials
 * the plugin back during Register (GetDevicePluginOptions), so a plugin that registers before serving fails here.
 */
final class FakeKubelet implements AutoCloseable {
    record Registration(RegisterRequest request, DevicePluginOptions dialedBack) {
    }

    final BlockingQueue<Registration> registrations = new LinkedBlockingQueue<>();
    private final Server server;

    FakeKubelet(Path pluginDir) throws IOException {
        server = UnixSockets.serve(pluginDir.resolve("kubelet.sock"), new RegistrationGrpc.RegistrationImplBase() {
            @Override
            public void register(RegisterRequest request, StreamObserver<Empty> response) {
                ManagedChannel channel = UnixSockets.connect(pluginDir.resolve(request.getEndpoint()));
                try {
                    DevicePluginOptions options = DevicePluginGrpc.newBlockingStub(channel)
                            .withDeadlineAfter(5, TimeUnit.SECONDS).getDevicePluginOptions(Empty.getDefaultInstance());
                    registrations.add(new Registration(request, options));
                    response.onNext(Empty.getDefaultInstance());
                    response.onCompleted();
                } catch (RuntimeException e) {
                    response.onError(e);
                } finally {
                    channel.shutdownNow();
                }
            }
        });
    }

    Registration awaitRegistration() throws InterruptedException {
        Registration registration = registrations.poll(15, TimeUnit.SECONDS);
        if (registration == null) {
            throw new AssertionError("the plugin did not register within 15s");
        }
        return registration;
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow();
        server.awaitTermination(5, TimeUnit.SECONDS);
    }
}
