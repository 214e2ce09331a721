package io.labctl.deviceplugin;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Keeps the plugin served and registered for as long as it runs. A restarting kubelet wipes the plugin directory
 * (our socket goes) and creates a new kubelet.sock: the plugin must serve and register again at once, or the
 * kubelet rejects running pods that use the devices.
 *
 * <p>What to do is decided from the directory's <em>state</em>, never from events alone. Our socket missing means
 * serve again. A kubelet.sock other than the one we registered with (by {@link SocketIdentity}, read before and
 * after each Register) means register again, with the server kept up. File events only wake the loop (a slow poll
 * covers missed ones). An event-driven loop loses a restart that happens between the Register reply and the start
 * of watching, and one that reads "no kubelet.sock" as a kubelet to compare with re-registers for nothing; this
 * one does neither.
 */
public final class PluginLoop implements Runnable {
    private static final Logger LOG = Logger.getLogger(PluginLoop.class.getName());

    /**
     * How long the loop waits for things.
     *
     * @param registerDeadline how long a Register call may take (the kubelet dials us back inside it)
     * @param retry            the pause before trying again after a failed Register
     * @param poll             how often the directory is looked at when no file event arrives
     */
    public record Timing(Duration registerDeadline, Duration retry, Duration poll) {
        public static final Timing DEFAULT = new Timing(Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    private final PluginSettings settings;
    private final VirtualDevices devices;
    private final Timing timing;
    private final Object registered = new Object();
    private volatile boolean stopped;
    private volatile Thread runner;
    private volatile WatchService watch;
    private int registrations; // guarded by registered

    public PluginLoop(PluginSettings settings, VirtualDevices devices) {
        this(settings, devices, Timing.DEFAULT);
    }

    public PluginLoop(PluginSettings settings, VirtualDevices devices, Timing timing) {
        this.settings = settings;
        this.devices = devices;
        this.timing = timing;
    }

    /** How many Register calls the kubelet answered (1 after start, +1 per kubelet restart); for tests and the log. */
    public int registrations() {
        synchronized (registered) {
            return registrations;
        }
    }

    /**
     * Waits until the kubelet has answered at least {@code count} Register calls, as the plugin saw them (a Register
     * the kubelet recorded but whose reply never arrived does not count). False when {@code timeout} passes first.
     */
    public boolean awaitRegistrations(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (registered) {
            while (registrations < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(registered, left);
            }
            return true;
        }
    }

    /** Ends {@link #run()} promptly: closing the watch wakes it up, the interrupt cancels a Register in flight. */
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
        Thread thread = runner;
        if (thread != null && thread != Thread.currentThread()) {
            thread.interrupt();
        }
    }

    @Override
    public void run() {
        runner = Thread.currentThread();
        PluginServer server = null;
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            this.watch = watch;
            settings.pluginDir().toFile().mkdirs();
            settings.pluginDir().register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE);
            Optional<SocketIdentity> registeredWith = Optional.empty();
            while (!stopped) {
                if (server == null || !server.socketExists()) {
                    // Our socket is gone (the kubelet wiped the directory): serve again, and register again after.
                    if (server != null) {
                        LOG.info("the kubelet restarted (" + settings.socket().getFileName() + " was removed); serving and"
                                + " registering again");
                    }
                    closeQuietly(server);
                    server = null;
                    registeredWith = Optional.empty();
                    try {
                        server = PluginServer.serve(settings, devices);
                    } catch (IOException e) {
                        LOG.warning("cannot serve on " + settings.socket() + " yet: " + e.getMessage());
                        TimeUnit.MILLISECONDS.sleep(timing.retry().toMillis());
                        continue;
                    }
                }
                Optional<SocketIdentity> kubelet = SocketIdentity.of(settings.kubeletSocket());
                if (kubelet.isPresent() && !kubelet.equals(registeredWith)) {
                    if (registeredWith.isPresent()) {
                        LOG.info("the kubelet restarted (new " + settings.kubeletSocket().getFileName() + "); registering again");
                    }
                    registeredWith = register(server, kubelet);
                    continue; // look again at once: the kubelet may have changed during the call
                }
                // Nothing to do until something in the directory changes; the poll covers missed events.
                WatchKey key = watch.poll(timing.poll().toMillis(), TimeUnit.MILLISECONDS);
                if (key != null) {
                    key.pollEvents(); // the events only woke us; the state above decides
                    key.reset();
                }
            }
        } catch (ClosedWatchServiceException e) {
            // stop() was called
        } catch (IOException e) {
            throw new IllegalStateException("cannot watch " + settings.pluginDir() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(server);
            runner = null;
        }
    }

    /**
     * One Register call. Returns the kubelet.sock it surely reached: the identity read before the call, if the file
     * is still the same after it. When kubelet.sock changed during the call (or the call failed), returns empty so
     * the loop registers again, with the server kept up.
     */
    private Optional<SocketIdentity> register(PluginServer server, Optional<SocketIdentity> before) throws InterruptedException {
        try {
            server.register(timing.registerDeadline());
            synchronized (registered) {
                registrations++;
                registered.notifyAll();
            }
            return SocketIdentity.of(settings.kubeletSocket()).equals(before) ? before : Optional.empty();
        } catch (RuntimeException e) {
            if (!stopped) {
                LOG.warning("cannot register with the kubelet at " + settings.kubeletSocket() + " yet: " + e.getMessage());
                TimeUnit.MILLISECONDS.sleep(timing.retry().toMillis());
            }
            return Optional.empty();
        }
    }

    private static void closeQuietly(PluginServer server) {
        if (server != null) {
            server.close();
        }
    }
}
