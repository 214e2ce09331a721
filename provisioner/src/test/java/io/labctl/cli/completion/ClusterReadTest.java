package io.labctl.cli.completion;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit (a loopback socket that never answers, no cluster). A working read is in SparkClusterNamesTest. */
class ClusterReadTest {
    @TempDir
    Path home;

    /** A lookup on a cluster at {@code server}, for the words typed after labctl. */
    private Lookup lookupFor(String server, String... words) throws IOException {
        Path kubeconfig = Files.writeString(home.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: "%s", insecure-skip-tls-verify: true}}]
                users: [{name: u, user: {token: t}}]
                contexts: [{name: c, context: {cluster: c, user: u}}]
                current-context: c
                """.formatted(server));
        return CommandTree.lookup(Map.of("KUBECONFIG", kubeconfig.toString(), "HOME", home.toString()), home, words);
    }

    @Test
    void aServerThatAcceptsButNeverAnswers_givesNothing_afterTheRequestTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // connected, and then not a single byte back
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Lookup lookup = lookupFor("https://127.0.0.1:" + silent.getLocalPort(), "-n", "");
            long start = System.nanoTime();

            List<Candidate> found = ClusterRead.standard().read(lookup, (client, namespace) ->
                    List.of(Candidate.of(client.namespaces().list().getItems().get(0).getMetadata().getName())));

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            for (Socket socket : held) {
                socket.close();
            }
            assertThat(found).isEmpty();
            assertThat(took).isGreaterThanOrEqualTo(ClusterRead.TIMEOUT.minusMillis(100))
                    .isLessThan(ClusterRead.DEADLINE.plusMillis(500));
        }
    }

    @Test
    void aReadSlowerThanTheDeadline_givesNothing_atTheDeadline() throws IOException {
        Lookup lookup = lookupFor("https://127.0.0.1:1", "-n", "");
        ClusterRead read = new ClusterRead(Duration.ofSeconds(1), Duration.ofMillis(300));
        long start = System.nanoTime();

        // As an exec credential plugin that hangs would: the read itself never ends in time.
        List<Candidate> found = read.read(lookup, (client, namespace) -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(Candidate.of("too-late"));
        });

        assertThat(found).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void theReadGetsTheNamespaceOfTheLine() throws IOException {
        Lookup lookup = lookupFor("https://127.0.0.1:1", "-n", "mine", "spark", "scale", "");

        List<Candidate> found = ClusterRead.standard().read(lookup, (client, namespace) -> List.of(Candidate.of(namespace)));

        assertThat(found).containsExactly(Candidate.of("mine"));
    }
}
