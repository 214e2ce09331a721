package io.labctl.cli.completion;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;

/**
 * One read from the cluster the line points at, for a completion. A shell waits for it with the prompt frozen, so
 * it gets a short connect and request timeout, no retry, and a deadline for the whole read, client start-up and
 * credential plugins included. Any failure (no kubeconfig, unreachable, forbidden, too slow) gives no values and
 * no message: the shell would print it in the middle of the line being typed.
 */
final class ClusterRead {
    /** Connect timeout and the timeout of each request: a reachable API server answers a list in milliseconds. */
    static final Duration TIMEOUT = Duration.ofSeconds(1);
    /**
     * The whole read: kubeconfig parsed (a credential plugin run), client built, TLS handshake, the requests. Most of
     * it is this JVM's own first-time work, about 1.3 s on two busy cores (load 10); the deadline only cuts what the
     * timeouts cannot, like a credential plugin that hangs.
     */
    static final Duration DEADLINE = Duration.ofSeconds(3);

    private final Duration timeout;
    private final Duration deadline;

    ClusterRead(Duration timeout, Duration deadline) {
        this.timeout = timeout;
        this.deadline = deadline;
    }

    static ClusterRead standard() {
        return new ClusterRead(TIMEOUT, DEADLINE);
    }

    /** The candidates {@code read} finds with a client for the lookup's target and its namespace; empty on any failure. */
    List<Candidate> read(Lookup lookup, BiFunction<KubernetesClient, String, List<Candidate>> read) {
        FutureTask<List<Candidate>> task = new FutureTask<>(() -> {
            Config config = lookup.context().connector().loadConfig(lookup.target());
            config.setConnectionTimeout((int) timeout.toMillis());
            config.setRequestTimeout((int) timeout.toMillis());
            config.setRequestRetryBackoffLimit(0);
            try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
                return read.apply(client, config.getNamespace());
            }
        });
        // A daemon: a read still hanging past the deadline must not keep the process (or the shell) waiting.
        Thread thread = new Thread(task, "labctl completion: cluster read");
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            thread.interrupt();
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
