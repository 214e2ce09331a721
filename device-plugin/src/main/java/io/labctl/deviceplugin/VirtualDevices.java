package io.labctl.deviceplugin;

import io.labctl.deviceplugin.v1beta1.Device;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The node's virtual devices and their health. Ids are {@code <name>-0 .. <name>-(N-1)} (at most 63 characters, as
 * the kubelet requires). Every change is pushed to the subscribers as the full list, which is what ListAndWatch sends.
 */
public final class VirtualDevices {
    public static final String HEALTHY = "Healthy";
    public static final String UNHEALTHY = "Unhealthy";

    private final Map<String, String> health = new LinkedHashMap<>();
    private final List<Consumer<List<Device>>> subscribers = new CopyOnWriteArrayList<>();

    public VirtualDevices(String name, int count) {
        for (int i = 0; i < count; i++) {
            health.put(name + "-" + i, HEALTHY);
        }
    }

    public synchronized List<Device> snapshot() {
        List<Device> devices = new ArrayList<>();
        health.forEach((id, state) -> devices.add(Device.newBuilder().setID(id).setHealth(state).build()));
        return devices;
    }

    public synchronized List<String> ids() {
        return List.copyOf(health.keySet());
    }

    public synchronized boolean contains(String id) {
        return health.containsKey(id);
    }

    /** Marks a device (un)healthy; the kubelet then stops (or resumes) giving it to new pods. */
    public void setHealthy(String id, boolean healthy) {
        List<Device> devices;
        synchronized (this) {
            if (!health.containsKey(id)) {
                throw new IllegalArgumentException("no device " + id);
            }
            health.put(id, healthy ? HEALTHY : UNHEALTHY);
            devices = snapshot();
        }
        subscribers.forEach(s -> s.accept(devices));
    }

    /** Receives the current list at once, then every change; returns the handle to unsubscribe. */
    public Runnable subscribe(Consumer<List<Device>> subscriber) {
        subscribers.add(subscriber);
        subscriber.accept(snapshot());
        return () -> subscribers.remove(subscriber);
    }
}
