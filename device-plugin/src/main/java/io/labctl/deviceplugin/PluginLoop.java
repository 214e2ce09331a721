package io.labctl.deviceplugin;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Keeps the plugin registered for as long as it runs. A restarting kubelet wipes the plugin directory (our socket
 * goes) and creates a new kubelet.sock: the plugin must serve and register again at once, or the kubelet rejects
 * running pods that use the devices. A file watch sees both; a slow poll covers missed events.
 */
public final class PluginLoop implements Runnable {
    private static final Logger LOG = Logger.getLogger(PluginLoop.class.getName());
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final Duration POLL = Duration.ofSeconds(5);

    private final PluginSettings settings;
    private final VirtualDevices devices;
    private volatile boolean stopped;
    private volatile int registrations;
    private volatile WatchService watch;

    public PluginLoop(PluginSettings settings, VirtualDevices devices) {
        this.settings = settings;
        this.devices = devices;
    }

    /** How many times the plugin registered (1 after start, +1 per kubelet restart); for tests and the log. */
    public int registrations() {
        return registrations;
    }

    /** Ends {@link #run()} promptly: closing the watch wakes it up. */
    public void stop() {
        stopped = true;
        WatchService current = watch;
        if (current != null) {
            try {
                current.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }
    }

    @Override
    public void run() {
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            this.watch = watch;
            settings.pluginDir().toFile().mkdirs();
            settings.pluginDir().register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE);
            while (!stopped) {
                PluginServer server = startWithRetries();
                if (server == null) {
                    return;
                }
                try (server) {
                    awaitKubeletRestart(watch, server);
                }
                if (!stopped) {
                    LOG.info("the kubelet restarted (new " + settings.kubeletSocket().getFileName() + "); registering again");
                }
            }
        } catch (java.nio.file.ClosedWatchServiceException e) {
            // stop() was called
        } catch (IOException e) {
            throw new IllegalStateException("cannot watch " + settings.pluginDir() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private PluginServer startWithRetries() throws InterruptedException {
        while (!stopped) {
            try {
                PluginServer server = PluginServer.startAndRegister(settings, devices);
                registrations++;
                return server;
            } catch (IOException | RuntimeException e) {
                LOG.warning("cannot register with the kubelet at " + settings.kubeletSocket() + " yet: " + e.getMessage());
                TimeUnit.MILLISECONDS.sleep(RETRY.toMillis());
            }
        }
        return null;
    }

    /**
     * Returns when kubelet.sock is created anew, or when our socket is gone (the directory was wiped). Our own
     * restart deletes and recreates our socket too, so a DELETE event alone proves nothing: the socket's existence
     * is checked instead. Events from before this server started are dropped.
     */
    private void awaitKubeletRestart(WatchService watch, PluginServer server) throws InterruptedException {
        drain(watch);
        while (!stopped) {
            WatchKey key = watch.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
            boolean kubeletSocketCreated = false;
            if (key != null) {
                for (WatchEvent<?> event : key.pollEvents()) {
                    Path name = (Path) event.context();
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && settings.kubeletSocket().getFileName().equals(name)) {
                        kubeletSocketCreated = true;
                    }
                }
                key.reset();
            }
            if (kubeletSocketCreated || !server.socketExists()) {
                return;
            }
        }
    }

    private static void drain(WatchService watch) {
        WatchKey key;
        while ((key = watch.poll()) != null) {
            key.pollEvents();
            key.reset();
        }
    }
}
