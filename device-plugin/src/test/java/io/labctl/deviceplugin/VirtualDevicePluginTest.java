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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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

    /** The loop's own waits are long; every wait of the tests below ends as soon as its condition holds. */
    private static final Duration WAIT = Duration.ofSeconds(20);

    @BeforeEach
    void startKubelet() throws Exception {
        settings = new PluginSettings("labctl.io/vgpu", 4, dir);
        kubelet = new FakeKubelet(dir);
        devices = new VirtualDevices("vgpu", 4);
        channel = null;
    }

    private void startPlugin(PluginLoop.Timing timing) {
        loop = new PluginLoop(settings, devices, timing);
        thread = new Thread(loop, "plugin-loop");
        thread.start();
    }

    /** Starts the plugin with its production timing and returns once the plugin has its first Register reply. */
    private void startRegisteredPlugin() throws InterruptedException {
        startPlugin(PluginLoop.Timing.DEFAULT);
        assertThat(loop.awaitRegistrations(1, WAIT)).as("the plugin got the kubelet's reply").isTrue();
    }

    @AfterEach
    void stop() throws Exception {
        if (loop != null) {
            loop.stop();
            thread.join(WAIT.toMillis());
            // a loop left running would outlive its test and meddle with the next one's threads and event loops
            assertThat(thread.isAlive()).as("the plugin loop ended when stopped").isFalse();
        }
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
        startPlugin(PluginLoop.Timing.DEFAULT);

        FakeKubelet.Registration registration = kubelet.awaitRegistration();

        assertThat(registration.request().getVersion()).isEqualTo("v1beta1");
        assertThat(registration.request().getResourceName()).isEqualTo("labctl.io/vgpu");
        assertThat(registration.request().getEndpoint()).isEqualTo("labctl-labctl.io_vgpu.sock");
        assertThat(registration.request().getOptions().getPreStartRequired()).isTrue();
        // the fake kubelet dialed back during Register: the plugin was already serving
        assertThat(registration.dialedBack().getGetPreferredAllocationAvailable()).isTrue();
        assertThat(loop.awaitRegistrations(1, WAIT)).isTrue();
    }

    @Test
    void listAndWatch_sendsTheFullListThenEveryChange_andNeverCompletes() throws Exception {
        startRegisteredPlugin();
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
        startRegisteredPlugin();

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
        startRegisteredPlugin();

        assertThatThrownBy(() -> plugin().allocate(AllocateRequest.newBuilder()
                .addContainerRequests(ContainerAllocateRequest.newBuilder().addDevicesIds("vgpu-9")).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).isEqualTo("unknown device vgpu-9");
                });
    }

    @Test
    void preferredAllocation_mustIncludeFirstThenLowestIds() throws Exception {
        startRegisteredPlugin();

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
        List<String> log = new CopyOnWriteArrayList<>();
        Logger loopLog = Logger.getLogger(PluginLoop.class.getName());
        Handler recorder = new Handler() {
            @Override
            public void publish(LogRecord record) {
                log.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        loopLog.addHandler(recorder);
        try {
            kubeletRestart_registersAgain();
        } finally {
            loopLog.removeHandler(recorder);
        }
        // what a student reads in the plugin pod's log (DevicePluginIT checks the same on the real kubelet)
        assertThat(log).filteredOn(line -> line.startsWith("the kubelet restarted")).hasSize(1);
    }

    private void kubeletRestart_registersAgain() throws Exception {
        startRegisteredPlugin();
        kubelet.awaitRegistration();

        restartKubelet();
        FakeKubelet.Registration again = kubelet.awaitRegistration();

        assertThat(again.request().getResourceName()).isEqualTo("labctl.io/vgpu");
        assertThat(loop.awaitRegistrations(2, WAIT)).as("the plugin got the new kubelet's reply").isTrue();
        assertThat(settings.socket()).exists();
        // and it stays registered: its own socket's re-creation must not look like another kubelet restart
        assertThat(kubelet.registrations.poll(3, TimeUnit.SECONDS)).isNull();
        assertThat(loop.registrations()).isEqualTo(2);
    }

    /*
     * The races below are forced through the fake kubelet's beforeReply hook, at the moment between the kubelet
     * recording a Register and the plugin receiving the reply. The first is how CI once failed: a test that took
     * "the kubelet recorded it" for "the plugin is registered" restarted the kubelet while the reply was in flight.
     */

    @Test
    void kubeletRestartsWhileRegisterIsInFlight_thePluginRegistersWithTheNewKubelet() throws Exception {
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch restarted = new CountDownLatch(1);
        kubelet.beforeReply = request -> {
            recorded.countDown();
            // the reply waits until close() below has cancelled this call, as a dying kubelet's would
            restarted.await(WAIT.toSeconds(), TimeUnit.SECONDS);
        };
        startPlugin(PluginLoop.Timing.DEFAULT);
        assertThat(recorded.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        restartKubelet();
        restarted.countDown();
        kubelet.awaitRegistration();

        assertThat(loop.awaitRegistrations(1, WAIT)).as("the plugin got the new kubelet's reply").isTrue();
        assertThat(settings.socket()).exists();
        assertThat(kubelet.registrations.poll(3, TimeUnit.SECONDS)).isNull();
        assertThat(loop.registrations()).as("the cancelled Register is not counted").isEqualTo(1);
    }

    @Test
    void registerReplyDropped_thePluginTriesAgainUntilTheKubeletAnswers() throws Exception {
        AtomicInteger replies = new AtomicInteger();
        kubelet.beforeReply = request -> {
            if (replies.incrementAndGet() == 1) {
                throw new IllegalStateException("first reply lost");
            }
        };
        startPlugin(PluginLoop.Timing.DEFAULT);

        kubelet.awaitRegistration();
        kubelet.awaitRegistration();

        assertThat(loop.awaitRegistrations(1, WAIT)).isTrue();
        assertThat(settings.socket()).exists();
        assertThat(kubelet.registrations.poll(3, TimeUnit.SECONDS)).isNull();
        assertThat(loop.registrations()).isEqualTo(1);
    }

    @Test
    void registerReplyLaterThanTheDeadline_thePluginTriesAgain() throws Exception {
        CountDownLatch firstDeadlinePassed = new CountDownLatch(1);
        AtomicInteger replies = new AtomicInteger();
        kubelet.beforeReply = request -> {
            if (replies.incrementAndGet() == 1) {
                // held past the plugin's deadline, then answered into a call the plugin has given up on
                firstDeadlinePassed.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        };
        startPlugin(new PluginLoop.Timing(Duration.ofMillis(500), Duration.ofMillis(100), Duration.ofSeconds(5)));

        kubelet.awaitRegistration();
        kubelet.awaitRegistration(); // the retry: the plugin did not wait forever for the first reply
        firstDeadlinePassed.countDown();

        assertThat(loop.awaitRegistrations(1, WAIT)).isTrue();
        assertThat(settings.socket()).exists();
    }

    @Test
    void kubeletSocketReplacedJustBeforeTheReply_thePluginRegistersAgainWithoutWaitingForAPoll() throws Exception {
        AtomicReference<FakeKubelet> restarted = new AtomicReference<>();
        kubelet.beforeReply = request -> {
            if (restarted.get() == null) {
                // The old kubelet still answers this one call, but a new kubelet.sock is already in place: its file
                // event comes before the plugin has even seen the reply. Only kubelet.sock changes (our socket
                // stays), so nothing but the socket's identity tells the plugin it registered with the old one.
                Files.delete(settings.kubeletSocket());
                restarted.set(new FakeKubelet(dir));
            }
        };
        // a poll of an hour: only the socket's identity, checked as soon as Register returns, can notice in time
        startPlugin(new PluginLoop.Timing(Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofHours(1)));
        kubelet.awaitRegistration();
        FakeKubelet old = kubelet;
        try {
            assertThat(loop.awaitRegistrations(1, WAIT)).isTrue();
            Optional<SocketIdentity> served = SocketIdentity.of(settings.socket());
            kubelet = restarted.get();

            kubelet.awaitRegistration();

            assertThat(loop.awaitRegistrations(2, WAIT)).as("registered with the new kubelet").isTrue();
            // the kubelet's ListAndWatch stream is never cut by a re-registration: the server kept its socket
            assertThat(SocketIdentity.of(settings.socket())).isEqualTo(served);
        } finally {
            old.close();
        }
    }

    @Test
    void kubeletSocketAppearsOnlyAfterThePluginServedAgain_itRegistersOnceAndKeepsServing() throws Exception {
        startRegisteredPlugin();
        kubelet.awaitRegistration();
        kubelet.close();
        wipe();
        // The plugin notices its socket is gone and serves again while there is no kubelet.sock at all (how the soak
        // run once caught an earlier fix re-registering for nothing): it must wait for one, not dial nothing.
        awaitFile(settings.socket());
        Optional<SocketIdentity> served = SocketIdentity.of(settings.socket());

        kubelet = new FakeKubelet(dir);
        kubelet.awaitRegistration();

        assertThat(loop.awaitRegistrations(2, WAIT)).isTrue();
        assertThat(kubelet.registrations.poll(3, TimeUnit.SECONDS)).as("no registration for nothing").isNull();
        assertThat(loop.registrations()).isEqualTo(2);
        assertThat(SocketIdentity.of(settings.socket())).as("registering did not restart the server").isEqualTo(served);
    }

    /** What a restarting kubelet does: its server goes, the directory is emptied, a new kubelet.sock appears. */
    private void restartKubelet() throws Exception {
        kubelet.close();
        wipe();
        kubelet = new FakeKubelet(dir);
    }

    /** Waits for a file to exist by watching the directory (no sleep loop). */
    private void awaitFile(Path file) throws Exception {
        try (WatchService watch = dir.getFileSystem().newWatchService()) {
            dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!Files.exists(file)) {
                assertThat(System.nanoTime()).as(file + " appeared in time").isLessThan(deadline);
                WatchKey key = watch.poll(1, TimeUnit.SECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
        }
    }

    private void wipe() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
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
