package io.labctl.kube;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tier: unit, against fabric8's mock API server in CRUD mode (real HTTP, lists and watches); one server for the
 * class, a namespace per test.
 */
@MockApiTest
@EnableKubernetesMockClient(crud = true, https = false)
class AwaitTest {
    private static final AtomicInteger NAMESPACES = new AtomicInteger();

    static KubernetesClient client;

    private final String ns = "await-" + NAMESPACES.incrementAndGet();

    /** Before the extension stops the server: an informer's watch still closing would hold its shutdown 10 s. */
    @AfterAll
    static void closeClientFirst() {
        client.close();
    }

    @Test
    void until_conditionAlreadyTrue_returnsTheWatchedObjects() {
        create("a");

        List<ConfigMap> found = Await.on(client, client.configMaps().inNamespace(ns), "config maps")
                .until(Duration.ofSeconds(10), maps -> maps.size() == 1, maps -> maps.size() + " config maps");

        assertThat(found).extracting(m -> m.getMetadata().getName()).containsExactly("a");
    }

    @Test
    void until_objectsCreatedWhileWaiting_areSeenThroughTheWatchNotAPoll() throws Exception {
        List<String> states = new CopyOnWriteArrayList<>();
        CountDownLatch watching = new CountDownLatch(1);
        CompletableFuture<List<ConfigMap>> waiting = CompletableFuture.supplyAsync(() ->
                Await.on(client, client.configMaps().inNamespace(ns), "two config maps")
                        .recheckEvery(Duration.ofHours(1)) // only a watch event can wake it in time
                        .reportingTo(recording(states, watching))
                        .until(Duration.ofSeconds(30), maps -> maps.size() == 2, maps -> maps.size() + "/2"));
        assertThat(watching.await(30, TimeUnit.SECONDS)).as("the first evaluation, on the informer's first list").isTrue();

        create("a");
        create("b");

        assertThat(waiting.get(30, TimeUnit.SECONDS)).hasSize(2);
        assertThat(states).startsWith("0/2").endsWith("2/2").doesNotHaveDuplicates();
    }

    @Test
    void until_deadlinePasses_isATimeoutNamingWhatIsMissingAndTheHint() {
        create("a");

        assertThatThrownBy(() -> Await.on(client, client.configMaps().inNamespace(ns), "two config maps")
                .hint("create another one")
                .until(Duration.ofMillis(300), maps -> maps.size() == 2, maps -> "only " + maps.size()))
                .isInstanceOfSatisfying(LabctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.TIMEOUT);
                    assertThat(e.getMessage()).isEqualTo("timed out after 300ms waiting for two config maps: only 1");
                    assertThat(e.hint()).isEqualTo("create another one");
                });
    }

    @Test
    void until_verdictWithMissing_reportsTheStateAsProgressAndTheMissingPartInTheError() {
        List<String> states = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> Await.on(client, client.configMaps().inNamespace(ns), "a config map")
                .reportingTo(recording(states))
                .until(Duration.ofMillis(200), maps -> Await.Verdict.notYet("0/1 present", "config map a does not exist")))
                .hasMessageEndingWith(": config map a does not exist");
        assertThat(states).containsExactly("0/1 present");
    }

    @Test
    void within_oneObjectGoneWhileWaiting_returnsAndATimeoutIsEmpty() throws Exception {
        ConfigMap a = create("a");
        CompletableFuture<Boolean> gone = CompletableFuture.supplyAsync(() ->
                Await.on(client, client.resource(a), "a to go")
                        .within(Duration.ofSeconds(30), list -> list.isEmpty() ? Await.Verdict.done(true, null)
                                : Await.Verdict.notYet("present")).orElse(false));

        client.resource(a).delete();

        assertThat(gone.get(30, TimeUnit.SECONDS)).isTrue();
        ConfigMap b = create("b");
        assertThat(Await.on(client, client.resource(b), "b to go")
                .within(Duration.ofMillis(200), list -> list.isEmpty() ? Await.Verdict.done(true, null)
                        : Await.Verdict.notYet("present"))).isEmpty();
    }

    private ConfigMap create(String name) {
        return client.resource(new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(ns).endMetadata()
                .addToData("k", "v").build()).create();
    }

    private static Progress recording(List<String> states) {
        return recording(states, new CountDownLatch(1));
    }

    private static Progress recording(List<String> states, CountDownLatch firstState) {
        return new Progress() {
            @Override
            public void step(String message) {
            }

            @Override
            public void update(String status) {
                states.add(status);
                firstState.countDown();
            }

            @Override
            public void note(String message) {
            }
        };
    }
}
