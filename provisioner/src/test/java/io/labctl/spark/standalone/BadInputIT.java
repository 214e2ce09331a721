package io.labctl.spark.standalone;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.labctl.cli.CliRun;
import io.labctl.testbed.AuditLog;
import io.labctl.testbed.Testbed;
import io.labctl.testbed.TestbedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier: real API server (and real node for the timeout case). Bad input and hostile clusters get a
 * one-line error with the fix, the documented exit code, and nothing half-created.
 */
@TestbedTest
class BadInputIT {

    @Test
    void viewOnlyIdentity_isRefusedBeforeAnyWrite(Testbed testbed, @TempDir Path dir) throws IOException {
        KubernetesClient client = testbed.client();
        String ns = testbed.createNamespace("it-rbac");
        Path kubeconfig = testbed.viewOnlyKubeconfig(ns, dir);

        Instant mark = Instant.now();
        CliRun run = CliRun.run(java.util.Map.of(), dir, false, "--kubeconfig", kubeconfig.toString(),
                "spark", "deploy", "denied", "-n", ns);
        assertThat(run.status()).isEqualTo(5);
        // permissions are checked in apply order: the Service comes first
        assertThat(run.err()).contains("error: not allowed to create services in namespace " + ns)
                .contains("nothing was changed").contains("hint: ask your cluster admin")
                .contains("kubectl auth can-i");
        assertThat(client.apps().deployments().inNamespace(ns).list().getItems()).isEmpty();
        assertThat(client.services().inNamespace(ns).list().getItems()).isEmpty();
        List<AuditLog.Event> writes = testbed.auditLog().since(mark,
                e -> e.user().equals("system:serviceaccount:" + ns + ":viewer") && e.isWrite());
        assertThat(writes).as("one rules review decides every permission: the viewer's Role is plain RBAC")
                .extracting(AuditLog.Event::resource).containsExactly("selfsubjectrulesreviews");
    }

    @Test
    void imageNotOnAnyNode_isRefused_andNothingIsCreated(Testbed testbed) {
        String ns = testbed.namespaceName("it-noimg");
        CliRun run = testbed.labctl("spark", "deploy", "ghost", "-n", ns, "--image", "labctl/spark-master:0.0.0-missing");
        assertThat(run.status()).isEqualTo(7);
        assertThat(run.err()).contains("error: image labctl/spark-master:0.0.0-missing is not on any node")
                .contains("labctl image load");
        assertThat(testbed.client().namespaces().withName(ns).get()).as("not even the namespace").isNull();
    }

    @Test
    void unknownCluster_isNotFound_forScaleStatusAndRun(Testbed testbed) {
        String ns = testbed.createNamespace("it-unknown");
        for (String[] args : new String[][] {
            {"spark", "scale", "nope", "-n", ns, "--workers", "3"},
            {"spark", "status", "nope", "-n", ns},
            {"spark", "run", "nope", "pi", "-n", ns}}) {
            CliRun run = testbed.labctl(args);
            assertThat(run.status()).as(String.join(" ", args)).isEqualTo(3);
            assertThat(run.err()).contains("error: no Spark cluster named nope in namespace " + ns)
                    .contains("labctl spark list -A");
        }
        CliRun teardown = testbed.labctl("spark", "teardown", "nope", "-n", ns);
        assertThat(teardown.status()).as("teardown of nothing is fine").isZero();
        assertThat(teardown.out()).contains("Nothing to remove");
    }

    @Test
    void workersThatCannotBeScheduled_timeOutWithTheReasonInPlainWords(Testbed testbed) {
        String ns = testbed.namespaceName("it-hungry");
        CliRun run = testbed.labctl("spark", "deploy", "hungry", "-n", ns, "--workers", "1", "--worker-cores", "8",
                "--worker-cpu-request", "8", "--timeout", "60s");
        assertThat(run.status()).isEqualTo(6);
        // The master is not asked for its workers while a pod is not Ready: the pod is what is missing.
        assertThat(run.err()).containsPattern("error: timed out after 1m waiting for the pods of hungry: "
                + "pod hungry-worker-[a-z0-9-]+ Pending: Insufficient cpu \\(0/4 nodes are available: 1 Insufficient cpu, "
                + "3 node\\(s\\) had untolerated taint\\(s\\)\\)\n")
                .contains("labctl spark teardown hungry -n " + ns);
        CliRun teardown = testbed.labctl("spark", "teardown", "hungry", "-n", ns);
        assertThat(teardown.status()).as(teardown.err()).isZero();
    }
}
