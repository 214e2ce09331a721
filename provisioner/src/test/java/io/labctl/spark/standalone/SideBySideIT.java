package io.labctl.spark.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.labctl.cli.CliRun;
import io.labctl.testbed.AuditLog;
import io.labctl.testbed.Testbed;
import io.labctl.testbed.TestbedTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier: end to end. Two clusters in one namespace and a third of the same name in another: each
 * master sees only its own workers, and tearing one down leaves the others untouched, which the API
 * server's audit log confirms request by request.
 */
@TestbedTest
class SideBySideIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void clustersCoexist_andTeardownOfOneTouchesNothingOfTheOthers(Testbed testbed) throws IOException {
        KubernetesClient client = testbed.client();
        String shared = testbed.namespaceName("it-side");
        String other = testbed.namespaceName("it-other");
        deploy(testbed, "alpha", shared);
        deploy(testbed, "beta", shared);
        deploy(testbed, "alpha", other);

        for (String[] c : new String[][] {{shared, "alpha"}, {shared, "beta"}, {other, "alpha"}}) {
            assertThat(aliveWorkerHosts(client, c[0], c[1])).as(c[1] + " in " + c[0] + " sees only its own worker")
                    .isEqualTo(workerPodIps(client, c[0], c[1]));
        }
        Set<String> betaPods = podUids(client, shared, "beta");
        Set<String> otherAlphaPods = podUids(client, other, "alpha");

        Instant mark = Instant.now();
        CliRun teardown = testbed.labctl("spark", "teardown", "alpha", "-n", shared, "-o", "json");
        assertThat(teardown.status()).as(teardown.err()).isZero();
        JsonNode result = JSON.readTree(teardown.out()).get(0);
        assertThat(result.path("namespaceDeleted").asBoolean()).isFalse();
        assertThat(result.path("namespaceKeptBecause").asText()).isEqualTo("other workloads or data still live in it");

        // Rules and access reviews are "create" requests that store nothing; every other write must be a delete of alpha's.
        List<AuditLog.Event> deletes = testbed.auditLog().since(mark, e -> e.fromLabctl() && e.isWrite()
                && !e.resource().startsWith("selfsubject"));
        assertThat(deletes).isNotEmpty().allSatisfy(e -> {
            assertThat(e.verb()).isEqualTo("delete");
            assertThat(e.namespace()).isEqualTo(shared);
            assertThat(e.name()).startsWith("alpha-");
        });

        assertThat(podUids(client, shared, "beta")).isEqualTo(betaPods);
        assertThat(podUids(client, other, "alpha")).isEqualTo(otherAlphaPods);
        assertThat(new SparkMasterClient(client).status(shared, "beta").orElseThrow().aliveWorkerCount()).isEqualTo(1);
        assertThat(new SparkMasterClient(client).status(other, "alpha").orElseThrow().aliveWorkerCount()).isEqualTo(1);

        for (String ns : List.of(shared, other)) {
            CliRun rest = testbed.labctl("spark", "teardown", "--all", "-n", ns);
            assertThat(rest.status()).as(rest.err()).isZero();
        }
        assertThat(client.namespaces().withName(shared).get()).as("labctl created it; now empty").isNull();
        assertThat(client.namespaces().withName(other).get()).isNull();
    }

    private static void deploy(Testbed testbed, String name, String ns) {
        CliRun run = testbed.labctl("spark", "deploy", name, "-n", ns, "--workers", "1");
        assertThat(run.status()).as(run.err()).isZero();
    }

    private static Set<String> aliveWorkerHosts(KubernetesClient client, String ns, String name) {
        return new SparkMasterClient(client).status(ns, name).orElseThrow().aliveWorkers().stream()
                .map(MasterStatus.Worker::host).collect(Collectors.toSet());
    }

    private static Set<String> workerPodIps(KubernetesClient client, String ns, String name) {
        return client.pods().inNamespace(ns).withLabels(SparkLabels.component(name, SparkLabels.WORKER)).list().getItems()
                .stream().map(p -> p.getStatus().getPodIP()).collect(Collectors.toSet());
    }

    private static Set<String> podUids(KubernetesClient client, String ns, String name) {
        return client.pods().inNamespace(ns).withLabels(SparkLabels.cluster(name)).list().getItems().stream()
                .map(Pod::getMetadata).map(m -> m.getUid()).collect(Collectors.toSet());
    }
}
