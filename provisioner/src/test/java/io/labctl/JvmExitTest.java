package io.labctl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Unit tier, a real JDK HTTP client on loopback: the selector thread that held every cluster command's exit for
 * 300 ms is found by its name and stopped. If a JDK renames the thread or stops it differently, this fails, rather
 * than the user's exit time growing silently. Only this test's own client is stopped: other tests' clients in the
 * same JVM keep working. Isolated: the mock API tests run in parallel and start clients of their own, whose selector
 * threads would appear between the two looks (CI saw three).
 */
@Isolated
class JvmExitTest {

    @Test
    void theSelectorThreadOfAUsedClient_isFound_andStopped() throws Exception {
        // Given a JDK HTTP client that has sent a request (refused: nothing listens on port 1 of loopback)
        List<Thread> before = JvmExit.httpClientSelectors();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:1/")).build(),
                HttpResponse.BodyHandlers.discarding())).isInstanceOf(ConnectException.class);

        // When labctl looks for selector threads, as it does before exiting
        List<Thread> ours = new ArrayList<>(JvmExit.httpClientSelectors());
        ours.removeAll(before);

        // Then it finds this client's, and stopping it ends it
        assertThat(ours).as("the JDK's selector thread, by the name JvmExit looks for").hasSize(1);
        assertThat(ours.get(0).isAlive()).isTrue();
        assertThat(JvmExit.stop(ours, Duration.ofSeconds(5))).as("still alive").isEmpty();
        assertThat(ours.get(0).isAlive()).isFalse();
        assertThat(client).isNotNull(); // the client stays reachable until here: its selector did not end by GC
    }
}
