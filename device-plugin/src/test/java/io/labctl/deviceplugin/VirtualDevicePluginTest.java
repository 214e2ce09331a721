package io.labctl.deviceplugin;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.labctl.deviceplugin.v1beta1.AllocateRequest;
import io.labctl.deviceplugin.v1beta1.AllocateResponse;
import io.labctl.deviceplugin.v1beta1.ContainerAllocateRequest;
import io.labctl.deviceplugin.v1beta1.ContainerPreferredAllocationRequest;
import io.labctl.deviceplugin.v1beta1.DevicePluginGrpc;
import io.labctl.deviceplugin.v1beta1.Empty;
import io.labctl.deviceplugin.v1beta1.ListAndWatchResponse;
import io.labctl.deviceplugin.v1beta1.PreStartContainerRequest;
import io.labctl.deviceplugin.v1beta1.PreferredAllocationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tier: unit, over real gRPC on Unix sockets in a temp directory, against an in-process fake kubelet Registration
 * server. The real kubelet is DevicePluginKubeletIT in the provisioner module.
 */
class VirtualDevicePluginTest {
    @TempDir
    Path dir;
    private FakeKubelet kubelet;
    private VirtualDevices devices;
    private PluginLoop loop;
    private Thread thread;
    private ManagedChannel channel;
    private PluginSettings settings;

    @BeforeEach
    void start() throws Exception {
        settings = new PluginSettings("labctl.io/vgpu", 4, dir);
        kubelet = new FakeKubelet(dir);
        devices = new VirtualDevices("vgpu", 4);
        loop = new PluginLoop(settings, devices);
        thread = new Thread(loop, "plugin-loop");
        thread.start();
        channel = null;
    }

    @AfterEach
    void stop() throws Exception {
        loop.stop();
        thread.join(10_000);
        if (channel != null) {
            channel.shutdownNow();
        }
        kubelet.close();
    }

    private DevicePluginGrpc.DevicePluginBlockingStub plugin() {
        if (channel == null) {
            channel = UnixSockets.connect(settings.socket());
        }
        return DevicePluginGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    @Test
    void start_servesFirstThenRegistersWithTheKubelet() throws Exception {
        FakeKubelet.Registration registration = kubelet.awaitRegistration();

        assertThat(registration.request().getVersion()).isEqualTo("v1beta1");
        assertThat(registration.request().getResourceName()).isEqualTo("labctl.io/vgpu");
        assertThat(registration.request().getEndpoint()).isEqualTo("labctl-labctl.io_vgpu.sock");
        assertThat(registration.request().getOptions().getPreStartRequired()).isTrue();
        // the fake kubelet dialed back during Register: the plugin was already serving
        assertThat(registration.dialedBack().getGetPreferredAllocationAvailable()).isTrue();
    }

    @Test
    void listAndWatch_sendsTheFullListThenEveryChange_andNeverCompletes() throws Exception {
        kubelet.awaitRegistration();
        BlockingQueue<ListAndWatchResponse> updates = new LinkedBlockingQueue<>();
        AtomicBoolean completed = new AtomicBoolean();
        plugin();
        DevicePluginGrpc.newStub(channel).listAndWatch(Empty.getDefaultInstance(), new StreamObserver<>() {
            @Override
            public void onNext(ListAndWatchResponse value) {
                updates.add(value);
            }

            @Override
            public void onError(Throwable t) {
                completed.set(true);
            }

            @Override
            public void onCompleted() {
                completed.set(true);
            }
        });

        ListAndWatchResponse first = updates.poll(10, TimeUnit.SECONDS);
        devices.setHealthy("vgpu-1", false);
        ListAndWatchResponse second = updates.poll(10, TimeUnit.SECONDS);

        assertThat(first.getDevicesList()).extracting(d -> d.getID() + "=" + d.getHealth())
                .containsExactly("vgpu-0=Healthy", "vgpu-1=Healthy", "vgpu-2=Healthy", "vgpu-3=Healthy");
        assertThat(second.getDevicesList()).extracting(d -> d.getID() + "=" + d.getHealth())
                .containsExactly("vgpu-0=Healthy", "vgpu-1=Unhealthy", "vgpu-2=Healthy", "vgpu-3=Healthy");
        assertThat(updates.poll(1, TimeUnit.SECONDS)).isNull();
        assertThat(completed).isFalse();
    }

    @Test
    void allocate_tellsEachContainerItsDeviceIdsThroughTheEnvironment() throws Exception {
        kubelet.awaitRegistration();

        AllocateResponse response = plugin().allocate(AllocateRequest.newBuilder()
                .addContainerRequests(ContainerAllocateRequest.newBuilder().addDevicesIds("vgpu-0").addDevicesIds("vgpu-2"))
                .addContainerRequests(ContainerAllocateRequest.newBuilder().addDevicesIds("vgpu-3"))
                .build());

        assertThat(response.getContainerResponses(0).getEnvsMap()).isEqualTo(Map.of(
                "LABCTL_VISIBLE_DEVICES", "vgpu-0,vgpu-2", "LABCTL_DEVICE_RESOURCE", "labctl.io/vgpu"));
        assertThat(response.getContainerResponses(1).getEnvsMap()).containsEntry("LABCTL_VISIBLE_DEVICES", "vgpu-3");
    }

    @Test
    void allocate_unknownDevice_isRefused() throws Exception {
        kubelet.awaitRegistration();

        assertThatThrownBy(() -> plugin().allocate(AllocateRequest.newBuilder()
                .addContainerRequests(ContainerAllocateRequest.newBuilder().addDevicesIds("vgpu-9")).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).isEqualTo("unknown device vgpu-9");
                });
    }

    @Test
    void preferredAllocation_mustIncludeFirstThenLowestIds() throws Exception {
        kubelet.awaitRegistration();

        var response = plugin().getPreferredAllocation(PreferredAllocationRequest.newBuilder()
                .addContainerRequests(ContainerPreferredAllocationRequest.newBuilder()
                        .addAllAvailableDeviceIDs(List.of("vgpu-3", "vgpu-2", "vgpu-1"))
                        .addMustIncludeDeviceIDs("vgpu-3").setAllocationSize(2))
                .build());
        plugin().preStartContainer(PreStartContainerRequest.newBuilder().addDevicesIds("vgpu-3").build());

        assertThat(response.getContainerResponses(0).getDeviceIDsList()).containsExactly("vgpu-3", "vgpu-1");
    }

    @Test
    void kubeletRestart_wipesTheDirectory_andThePluginRegistersAgain() throws Exception {
        kubelet.awaitRegistration();

        // What a restarting kubelet does: its old server goes, the directory is emptied, a new kubelet.sock appears.
        kubelet.close();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        kubelet = new FakeKubelet(dir);
        FakeKubelet.Registration again = kubelet.awaitRegistration();

        assertThat(again.request().getResourceName()).isEqualTo("labctl.io/vgpu");
        // Register returns to the plugin just after the fake kubelet recorded it. Wait a little longer than the
        // plugin's own Register deadline (10 s): on a loaded 2-core CI machine the reply once took longer than the
        // 5 s waited here before. A reply that never came would make the plugin register a third time, which the
        // next asserts catch.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(12);
        while (loop.registrations() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(loop.registrations()).as("registrations recorded by the fake kubelet since: %s", kubelet.registrations)
                .isEqualTo(2);
        assertThat(settings.socket()).exists();
        // and it stays registered: its own socket's re-creation must not look like another kubelet restart
        assertThat(kubelet.registrations.poll(3, TimeUnit.SECONDS)).isNull();
        assertThat(loop.registrations()).isEqualTo(2);
    }

    @Test
    void settings_rejectNamesTheKubeletWouldRefuse() {
        assertThatThrownBy(() -> new PluginSettings("vgpu", 4, dir)).hasMessageContaining("vendor-domain/name");
        assertThatThrownBy(() -> new PluginSettings("kubernetes.io/vgpu", 4, dir)).hasMessageContaining("reserved");
        assertThatThrownBy(() -> new PluginSettings("labctl.io/vgpu", 0, dir)).hasMessage("device count 0 is out of range (1..64)");
        assertThat(PluginSettings.fromEnvironment(Map.of("LABCTL_DEVICE_COUNT", "2", "DEVICE_PLUGIN_DIR", dir.toString())))
                .isEqualTo(new PluginSettings("labctl.io/vgpu", 2, dir));
    }
}
