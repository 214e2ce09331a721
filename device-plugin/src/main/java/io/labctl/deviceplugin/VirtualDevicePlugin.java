package io.labctl.deviceplugin;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.labctl.deviceplugin.v1beta1.AllocateRequest;
import io.labctl.deviceplugin.v1beta1.AllocateResponse;
import io.labctl.deviceplugin.v1beta1.ContainerAllocateRequest;
import io.labctl.deviceplugin.v1beta1.ContainerAllocateResponse;
import io.labctl.deviceplugin.v1beta1.ContainerPreferredAllocationRequest;
import io.labctl.deviceplugin.v1beta1.ContainerPreferredAllocationResponse;
import io.labctl.deviceplugin.v1beta1.DevicePluginGrpc;
import io.labctl.deviceplugin.v1beta1.DevicePluginOptions;
import io.labctl.deviceplugin.v1beta1.Empty;
import io.labctl.deviceplugin.v1beta1.ListAndWatchResponse;
import io.labctl.deviceplugin.v1beta1.PreStartContainerRequest;
import io.labctl.deviceplugin.v1beta1.PreStartContainerResponse;
import io.labctl.deviceplugin.v1beta1.PreferredAllocationRequest;
import io.labctl.deviceplugin.v1beta1.PreferredAllocationResponse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The DevicePlugin service the kubelet calls. Teaching-sized but complete: options, a ListAndWatch stream that
 * never completes (the kubelet marks every device unhealthy when it ends), Allocate that tells the container which
 * devices it got through environment variables, a preferred allocation, and PreStartContainer.
 */
public final class VirtualDevicePlugin extends DevicePluginGrpc.DevicePluginImplBase {
    private static final Logger LOG = Logger.getLogger(VirtualDevicePlugin.class.getName());

    private final PluginSettings settings;
    private final VirtualDevices devices;

    public VirtualDevicePlugin(PluginSettings settings, VirtualDevices devices) {
        this.settings = settings;
        this.devices = devices;
    }

    public static DevicePluginOptions options() {
        return DevicePluginOptions.newBuilder().setPreStartRequired(true).setGetPreferredAllocationAvailable(true).build();
    }

    @Override
    public void getDevicePluginOptions(Empty request, StreamObserver<DevicePluginOptions> response) {
        response.onNext(options());
        response.onCompleted();
    }

    @Override
    public void listAndWatch(Empty request, StreamObserver<ListAndWatchResponse> response) {
        ServerCallStreamObserver<ListAndWatchResponse> stream = (ServerCallStreamObserver<ListAndWatchResponse>) response;
        Runnable unsubscribe = devices.subscribe(list -> {
            synchronized (stream) {
                if (!stream.isCancelled()) {
                    stream.onNext(ListAndWatchResponse.newBuilder().addAllDevices(list).build());
                }
            }
        });
        // Deliberately no onCompleted(): the stream lives as long as the kubelet's connection.
        stream.setOnCancelHandler(unsubscribe);
        LOG.info("ListAndWatch: sent " + devices.ids().size() + " devices of " + settings.resourceName());
    }

    @Override
    public void allocate(AllocateRequest request, StreamObserver<AllocateResponse> response) {
        AllocateResponse.Builder result = AllocateResponse.newBuilder();
        for (ContainerAllocateRequest container : request.getContainerRequestsList()) {
            for (String id : container.getDevicesIdsList()) {
                if (!devices.contains(id)) {
                    response.onError(Status.INVALID_ARGUMENT.withDescription("unknown device " + id).asRuntimeException());
                    return;
                }
            }
            result.addContainerResponses(ContainerAllocateResponse.newBuilder()
                    .putEnvs(PluginSettings.VISIBLE_DEVICES_ENV, String.join(",", container.getDevicesIdsList()))
                    .putEnvs(PluginSettings.RESOURCE_ENV, settings.resourceName())
                    .putAnnotations("labctl.io/devices", String.join(",", container.getDevicesIdsList())));
        }
        LOG.info("Allocate: " + request.getContainerRequestsList().stream().map(ContainerAllocateRequest::getDevicesIdsList).toList());
        response.onNext(result.build());
        response.onCompleted();
    }

    /** The devices the container must have, then the lowest-numbered available ones: a stable, explainable choice. */
    @Override
    public void getPreferredAllocation(PreferredAllocationRequest request, StreamObserver<PreferredAllocationResponse> response) {
        PreferredAllocationResponse.Builder result = PreferredAllocationResponse.newBuilder();
        for (ContainerPreferredAllocationRequest container : request.getContainerRequestsList()) {
            Set<String> chosen = new LinkedHashSet<>(container.getMustIncludeDeviceIDsList());
            List<String> available = new ArrayList<>(container.getAvailableDeviceIDsList());
            available.sort((a, b) -> Integer.compare(index(a), index(b)));
            for (String id : available) {
                if (chosen.size() >= container.getAllocationSize()) {
                    break;
                }
                chosen.add(id);
            }
            result.addContainerResponses(ContainerPreferredAllocationResponse.newBuilder().addAllDeviceIDs(chosen));
        }
        response.onNext(result.build());
        response.onCompleted();
    }

    @Override
    public void preStartContainer(PreStartContainerRequest request, StreamObserver<PreStartContainerResponse> response) {
        // A real plugin would reset or check the hardware here; a virtual device only needs to exist.
        LOG.info("PreStartContainer: " + request.getDevicesIdsList());
        response.onNext(PreStartContainerResponse.getDefaultInstance());
        response.onCompleted();
    }

    private static int index(String id) {
        try {
            return Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
