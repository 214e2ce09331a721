package io.labctl;

import java.time.Duration;
import java.util.List;

/**
 * Ends labctl's JVM without the pause a cluster command used to pay after its last line (about 0.3 s, a third of
 * "cannot reach the API server"). HotSpot's exit waits up to 300 ms for every Java thread that is inside native code
 * (VM_Exit::wait_for_threads_in_native_to_block, so that no thread touches the VM while it is torn down), and the
 * JDK HTTP client that fabric8's client runs on keeps a selector thread in epoll_wait for as long as the client
 * lives: JDK 17's HttpClient has no shutdown() (21 adds it). That thread checks its interrupt flag after every
 * select, so interrupting it ends its loop and the JVM then finds nothing in native code.
 */
final class JvmExit {
    /** The JDK names its selector thread "HttpClient-N-SelectorManager" (jdk.internal.net.http.HttpClientImpl). */
    private static final String SELECTOR_SUFFIX = "-SelectorManager";
    private static final Duration STOP_WAIT = Duration.ofMillis(200);

    private JvmExit() {
    }

    static void exit(int status) {
        stop(httpClientSelectors(), STOP_WAIT);
        System.exit(status);
    }

    /** The selector threads of every JDK HTTP client in this JVM. */
    static List<Thread> httpClientSelectors() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("HttpClient-") && t.getName().endsWith(SELECTOR_SUFFIX)).toList();
    }

    /**
     * Interrupts the threads and waits, at most {@code wait} in all, for them to end. Only for the end of the
     * process: a client whose selector is stopped can send nothing more.
     *
     * @return the threads still alive after the wait (none, unless the JDK changed how its selectors stop)
     */
    static List<Thread> stop(List<Thread> threads, Duration wait) {
        threads.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + wait.toNanos();
        for (Thread thread : threads) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                thread.join(Duration.ofNanos(left).toMillis() + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return threads.stream().filter(Thread::isAlive).toList();
    }
}
