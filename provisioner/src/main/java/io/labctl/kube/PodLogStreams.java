package io.labctl.kube;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.ContainerResource;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.dsl.Loggable;
import io.labctl.core.Progress;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The logs of several pods at once, each line tagged with its pod and container as {@code kubectl logs --prefix} does.
 * Following goes further than kubectl: a watch (through {@link Await}) sees containers that restart and pods that
 * replace deleted ones, and their logs are followed too, from their first line.
 */
public final class PodLogStreams {
    /** Long enough to be "until Ctrl-C", short enough not to overflow a deadline in nanoseconds. */
    static final Duration UNTIL_INTERRUPTED = Duration.ofDays(3650);

    /** One log line. */
    public record Line(String pod, String container, String text) {
        /** As {@code kubectl logs --prefix} prints it: {@code [pod/NAME/CONTAINER] text}. */
        public String prefixed() {
            return "[pod/" + pod + "/" + container + "] " + text;
        }
    }

    /** Which part of the logs already written to show: since a number of seconds, the last lines; null for all. */
    public record Window(Integer sinceSeconds, Integer tailLines) {
        public static final Window ALL = new Window(null, null);
    }

    private final KubernetesClient client;
    private final Progress progress;

    public PodLogStreams(KubernetesClient client, Progress progress) {
        this.client = client;
        this.progress = progress;
    }

    /** Prints what the containers of {@code pods} logged so far, pod after pod, and returns. */
    public void print(List<Pod> pods, Window window, Consumer<Line> out) {
        for (Pod pod : pods) {
            List<ContainerStatus> started = started(pod);
            if (started.isEmpty()) {
                progress.note("pod " + name(pod) + " has no log yet: " + PodDiagnosis.explain(pod));
            }
            for (ContainerStatus status : started) {
                String log = KubeErrors.call(client, () -> windowed(resource(pod, status.getName()), window).getLog(),
                        "read the log of pod " + name(pod));
                if (log != null) {
                    log.lines().forEach(text -> out.accept(new Line(name(pod), status.getName(), text)));
                }
            }
        }
    }

    /**
     * Follows the logs of the {@code watched} pods that {@code admit} lets in: the containers running now from
     * {@code window}, and every container that starts later (a restart, a new pod) from its first line. Blocks until
     * {@code finished} holds for the watched pods and the number of open streams, or until interrupted (INTERRUPTED,
     * exit 130). Lines from different pods interleave as they come; each line is whole.
     */
    public void follow(Informable<Pod> watched, String what, Predicate<Pod> admit, Window window, Consumer<Line> out,
                       BiPredicate<List<Pod>, Integer> finished) {
        Follower follower = new Follower(admit, window, out);
        try {
            Await.on(client, watched, what).within(UNTIL_INTERRUPTED, pods -> {
                follower.startNew(pods);
                return finished.test(pods, follower.open.size())
                        ? Await.Verdict.done(Boolean.TRUE, null) : Await.Verdict.notYet(null);
            });
        } finally {
            follower.closeAll();
        }
    }

    /** Containers whose log can be read: started once at least (running now, or terminated). */
    static List<ContainerStatus> started(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return List.of();
        }
        return pod.getStatus().getContainerStatuses().stream()
                .filter(cs -> cs.getState() != null && (cs.getState().getRunning() != null || cs.getState().getTerminated() != null))
                .toList();
    }

    /** One container instance: a restart gives a new key, and a new stream. */
    static String key(Pod pod, ContainerStatus status) {
        return pod.getMetadata().getUid() + "/" + status.getName() + "/" + (status.getRestartCount() == null ? 0
                : status.getRestartCount());
    }

    private final class Follower {
        private final Predicate<Pod> admit;
        private final Window window;
        private final Consumer<Line> out;
        private final Set<String> seen = new HashSet<>();
        final Map<String, LogWatch> open = new ConcurrentHashMap<>();
        private boolean first = true;

        Follower(Predicate<Pod> admit, Window window, Consumer<Line> out) {
            this.admit = admit;
            this.window = window;
            this.out = out;
        }

        /** Called on every change the watch sees (and at each recheck), on the waiting thread. */
        void startNew(List<Pod> pods) {
            List<Pod> sorted = new ArrayList<>(pods);
            sorted.sort(Comparator.comparing(PodLogStreams::name));
            for (Pod pod : sorted) {
                if (!admit.test(pod)) {
                    continue;
                }
                for (ContainerStatus status : started(pod)) {
                    String key = key(pod, status);
                    if (seen.add(key)) {
                        if (!first) {
                            progress.note("following the log of pod " + name(pod) + " (container " + status.getName()
                                    + ", started " + (status.getRestartCount() == null || status.getRestartCount() == 0
                                    ? "in a new pod" : "again, restart " + status.getRestartCount()) + ")");
                        }
                        start(pod, status.getName(), key, first ? window : Window.ALL);
                    }
                }
            }
            first = false;
        }

        private void start(Pod pod, String container, String key, Window from) {
            LogWatch watch = KubeErrors.call(client, () -> windowed(resource(pod, container), from).watchLog(),
                    "follow the log of pod " + name(pod));
            open.put(key, watch);
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(watch.getOutput(), StandardCharsets.UTF_8))) {
                    String text;
                    while ((text = lines.readLine()) != null) {
                        emit(new Line(name(pod), container, text));
                    }
                } catch (IOException | UncheckedIOException e) {
                    // closed by closeAll(), or the API server dropped the stream; the watch still sees what follows
                } finally {
                    open.remove(key);
                }
            }, "log-" + name(pod) + "-" + container);
            reader.setDaemon(true);
            reader.start();
        }

        private void emit(Line line) {
            synchronized (out) { // whole lines, one stream at a time
                out.accept(line);
            }
        }

        void closeAll() {
            open.values().forEach(LogWatch::close);
        }
    }

    private ContainerResource resource(Pod pod, String container) {
        return client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(name(pod)).inContainer(container);
    }

    static Loggable windowed(ContainerResource container, Window window) {
        if (window.sinceSeconds() != null && window.tailLines() != null) {
            return container.sinceSeconds(window.sinceSeconds()).tailingLines(window.tailLines());
        }
        if (window.sinceSeconds() != null) {
            return container.sinceSeconds(window.sinceSeconds());
        }
        if (window.tailLines() != null) {
            return container.tailingLines(window.tailLines());
        }
        return container;
    }

    private static String name(Pod pod) {
        return pod.getMetadata().getName();
    }
}
