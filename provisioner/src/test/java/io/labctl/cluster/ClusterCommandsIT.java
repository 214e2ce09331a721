package io.labctl.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labctl.cli.CliRun;
import io.labctl.testbed.AuditLog;
import io.labctl.testbed.Testbed;
import io.labctl.testbed.TestbedExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier: real API server and node (the test bed). `labctl cluster` with the existing provider: the test bed is
 * registered under a name, inspected, listed and forgotten; the audit log proves labctl wrote nothing to it.
 * Bad input fails with the documented exit codes before anything is recorded.
 */
@Tag("integration")
@ExtendWith(TestbedExtension.class)
class ClusterCommandsIT {
    @TempDir
    Path dir;

    Map<String, String> env() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("LABCTL_STATE_DIR", dir.resolve("state").toString());
        env.remove("KUBECONFIG");
        return env;
    }

    CliRun labctl(String... args) {
        return CliRun.run(env(), dir, false, args);
    }

    @Test
    void existingCluster_upStatusListDown_readsOnlyAndForgetsWithoutDeleting(Testbed testbed) throws Exception {
        String kubeconfig = testbed.kubeconfig().toString();
        String context = io.labctl.cluster.KubeconfigStore.read(testbed.kubeconfig()).getCurrentContext();
        Instant mark = Instant.now();

        CliRun up = labctl("cluster", "up", "tb", "--provider", "existing", "--kubeconfig", kubeconfig, "--context", context,
                "--workers", "3", "-o", "json");
        CliRun status = labctl("cluster", "status", "tb", "-o", "json");
        CliRun list = labctl("cluster", "list");
        CliRun down = labctl("cluster", "down", "tb");
        CliRun downAgain = labctl("cluster", "down", "tb");

        assertThat(up.status()).as(up.err()).isZero();
        JsonNode cluster = new ObjectMapper().readTree(up.out());
        assertThat(cluster.path("provider").asText()).isEqualTo("existing");
        assertThat(cluster.path("context").asText()).isEqualTo(context);
        assertThat(cluster.path("nodes").findValuesAsText("name")).contains("testbed-real", "testbed-fake-0");
        assertThat(status.status()).isZero();
        assertThat(new ObjectMapper().readTree(status.out()).path("reachable").asText()).isEqualTo("yes");
        assertThat(list.out()).containsPattern("tb\\s+existing\\s+" + context + "\\s+4/4");
        assertThat(down.status()).isZero();
        assertThat(down.err()).contains("'tb' is an existing cluster: labctl forgets it and deletes nothing in it");
        assertThat(downAgain.status()).isZero();
        assertThat(downAgain.out()).isEqualTo("Cluster tb did not exist; nothing to do\n");
        assertThat(testbed.client().nodes().withName("testbed-real").get()).isNotNull();
        List<AuditLog.Event> writes = testbed.auditLog().since(mark, e -> e.fromLabctl() && e.isWrite());
        assertThat(writes).as("labctl wrote to an existing cluster").isEmpty();
    }

    @Test
    void badInput_failsWithTheDocumentedExitCodeAndRecordsNothing(Testbed testbed) {
        CliRun badName = labctl("cluster", "up", "Lab_1");
        CliRun tooMany = labctl("cluster", "up", "lab1", "--workers", "12");
        CliRun badMemory = labctl("cluster", "up", "lab1", "--memory", "lots");
        CliRun driverElsewhere = labctl("cluster", "up", "lab1", "--provider", "k3s", "--driver", "kvm2");
        CliRun unknown = labctl("cluster", "status", "nope");
        CliRun loadUnknown = labctl("image", "load", "--cluster", "nope");
        CliRun badContext = labctl("cluster", "up", "tb", "--provider", "existing", "--kubeconfig",
                testbed.kubeconfig().toString(), "--context", "no-such-context");

        assertThat(badName.status()).isEqualTo(2);
        assertThat(badName.err()).startsWith("error: cluster name 'Lab_1' is invalid\n");
        assertThat(tooMany.status()).isEqualTo(2);
        assertThat(tooMany.err()).contains("--workers 12 is out of range (0..9)");
        assertThat(badMemory.status()).isEqualTo(2);
        assertThat(badMemory.err()).contains("--memory 'lots' is not a size");
        assertThat(driverElsewhere.status()).isEqualTo(2);
        assertThat(unknown.status()).isEqualTo(3);
        assertThat(unknown.err()).contains("no cluster named 'nope'");
        assertThat(loadUnknown.status()).isEqualTo(3);
        assertThat(badContext.status()).as("an unknown context is 'not found'").isEqualTo(3);
        assertThat(badContext.err()).contains("context 'no-such-context' is not in");
        assertThat(dir.resolve("state/clusters")).doesNotExist();
    }
}
