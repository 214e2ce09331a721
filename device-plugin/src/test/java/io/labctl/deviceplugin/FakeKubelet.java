package io.labctl.deviceplugin;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
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
 *
 * <p>A Register is recorded <em>before</em> it is answered, as with any server: a recorded registration says the
 * kubelet got the request, not that the plugin got the reply. {@link #beforeReply} runs in between, so a test can
 * delay the reply, drop it, or restart the kubelet at exactly that moment.
 */
final class FakeKubelet implements AutoCloseable {
    record Registration(RegisterRequest request, DevicePluginOptions dialedBack) {
    }

    /** Runs after a Register is recorded and before it is answered; throwing answers UNAVAILABLE instead. */
    interface BeforeReply {
        void run(RegisterRequest request) throws Exception;
    }

    final BlockingQueue<Registration> registrations = new LinkedBlockingQueue<>();
    volatile BeforeReply beforeReply = request -> { };
    private final Server server;

    FakeKubelet(Path pluginDir) throws IOException {
        server = UnixSockets.serve(pluginDir.resolve("kubelet.sock"), new RegistrationGrpc.RegistrationImplBase() {
            @Override
            public void register(RegisterRequest request, StreamObserver<Empty> response) {
                ManagedChannel channel = UnixSockets.connect(pluginDir.resolve(request.getEndpoint()));
                DevicePluginOptions options;
                try {
                    options = DevicePluginGrpc.newBlockingStub(channel)
                            .withDeadlineAfter(5, TimeUnit.SECONDS).getDevicePluginOptions(Empty.getDefaultInstance());
                } catch (RuntimeException e) {
                    response.onError(e);
                    return;
                } finally {
                    channel.shutdownNow();
                }
                registrations.add(new Registration(request, options));
                try {
                    beforeReply.run(request);
                } catch (Exception e) {
                    response.onError(Status.UNAVAILABLE.withDescription("reply dropped by the test: " + e.getMessage())
                            .asRuntimeException());
                    return;
                }
                response.onNext(Empty.getDefaultInstance());
                response.onCompleted();
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

    /** Stops serving; a Register still being handled is cancelled, as when the real kubelet's process ends. */
    @Override
    public void close() throws InterruptedException {
        server.shutdownNow();
        server.awaitTermination(5, TimeUnit.SECONDS);
    }
}
