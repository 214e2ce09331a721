package io.labctl.grading;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.labctl.cli.CliRun;
import io.labctl.grading.files.ReferenceSubmission;
import io.labctl.grading.live.TeardownRecord;
import io.labctl.testbed.Testbed;
import io.labctl.testbed.TestbedTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier: end to end (real API server, real kubelet, real Spark from the test bed's images, pip's pyspark on this
 * machine). A student's path through exercises 3 and 4 as {@code labctl lab run} performs it, once for the class (one
 * namespace {@code l16-*}, one pair of clusters): deploy, logs, SparkPi in a pod, PySpark from the host; scale up with
 * kubectl's way, down and up again with the YAML file, the dashboard's numbers, a second cluster with a volume,
 * destroy the student's own cluster (recorded first), deploy it again, SparkPi. Then the checks pass on what it left,
 * the YAML it scaled with is the one handed in ({@code lab pack}) and graded, and a cluster that never existed earns
 * nothing for its teardown.
 */
@TestbedTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabRunIT {
    private Testbed testbed;
    private KubernetesClient admin;
    private String ns;
    private Path work;
    private Path yaml;
    private CliRun ex3;
    private CliRun ex4;

    @BeforeAll
    void runTheLab(Testbed testbed) throws Exception {
        this.testbed = testbed;
        this.admin = testbed.client();
        ns = testbed.namespaceName("l16"); // labctl creates it; removed after the class
        work = Files.createTempDirectory("lab-run-it");
        yaml = work.resolve("spark.yaml");
        // The user's shell: spark connect runs this machine's python3 with pip's pyspark.
        ex3 = testbed.labctlInUserShell("lab", "run", "ex3", "--set", "namespace=" + ns, "--set", "yaml=" + yaml);
        assertThat(ex3.status()).as(ex3.out() + ex3.err()).isZero();
        // The student's YAML of exercise 3, as labctl applied it (2 workers): exercise 4 scales with it.
        CliRun own = testbed.labctl("spark", "deploy", "spark", "-n", ns, "--workers", "2", "--dry-run", "-o", "yaml");
        Files.writeString(yaml, own.out());
        ex4 = testbed.labctlInUserShell("lab", "run", "ex4", "--set", "namespace=" + ns, "--set", "yaml=" + yaml);
        assertThat(ex4.status()).as(ex4.out() + ex4.err()).isZero();
    }

    @AfterAll
    void removeTheGraderBindingAndTheFolder() throws java.io.IOException {
        if (admin != null && ns != null) {
            GraderAccess.remove(admin, ns);
        }
        if (work != null) {
            try (var files = Files.walk(work)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    void ex3_everyStepRan_logsPrefixedByPod_andPySparkFromTheHostComputedPi() {
        assertThat(ex3.out()).contains("Step 5/5: Run PySpark on this machine").contains("Done. Check your work");
        assertThat(ex3.out()).contains("[pod/spark-master-");
        assertThat(ex3.out()).containsPattern("Pi is roughly 3\\.[01]");
    }

    @Test
    void ex4_scaledDownWithTheYamlFile_whichSaysTwoAndKeepsItsComments() throws Exception {
        assertThat(ex4.out()).containsPattern("Scaled spark to 2 workers with " + java.util.regex.Pattern.quote(yaml.toString()))
                .containsPattern(java.util.regex.Pattern.quote(yaml.toString()) + ":\\d+: replicas: 2")
                .contains("kubectl apply -n " + ns + " -f " + yaml);
        String text = Files.readString(yaml);
        assertThat(text).contains("name: spark-worker").contains("replicas: 2").contains("#");
    }

    @Test
    void ex4_teardownOfTheStudentsCluster_wasRecorded_andTheRebuiltClusterIsNotInTheRecord() {
        assertThat(ex4.out()).containsPattern("recorded \\d+ object\\(s\\) of spark in configmap/labctl-lab-record");
        ConfigMap record = admin.configMaps().inNamespace(ns).withName(TeardownRecord.CONFIG_MAP).get();
        String uids = record.getData().get("torn-down.spark");
        String rebuilt = admin.apps().deployments().inNamespace(ns).withName("spark-master").get().getMetadata().getUid();
        assertThat(uids).isNotBlank().doesNotContain(rebuilt);
        // And the second cluster survived it, with its claim
        assertThat(admin.apps().deployments().inNamespace(ns).withName("spark-b-worker").get()).isNotNull();
        assertThat(admin.persistentVolumeClaims().inNamespace(ns).list().getItems()).isNotEmpty();
    }

    @Test
    void labCheck_ex3ex4_onWhatLabRunLeft_passes() {
        CliRun check = testbed.labctl("lab", "check", "ex3", "ex4", "--set", "namespace=" + ns, "--part", "cluster",
                "-o", "json");

        assertThat(check.status()).as(check.out() + check.err()).isZero();
        assertThat(GradeJson.parse(check.out()).check("ex4.torn-down").get("observed").asText())
                .contains("deployed again since: deployment/spark-master");
    }

    @Test
    void tornDown_ofAClusterThatNeverExisted_earnsNothing() {
        CliRun check = testbed.labctl("lab", "check", "ex4", "--set", "namespace=" + ns, "--set", "cluster=spark-never",
                "--part", "cluster", "-o", "json");

        assertThat(check.status()).isEqualTo(9);
        GradeJson report = GradeJson.parse(check.out());
        assertThat(report.check("ex4.torn-down").get("status").asText()).isEqualTo("failed");
        assertThat(report.check("ex4.torn-down").get("observed").asText()).contains("no record")
                .contains("a cluster that never existed earns no points");
    }

    @Test
    void packedHandIn_withTheYamlLabRunScaled_isGradedByTheGraderIdentity_fullMarksForEx3AndEx4() throws Exception {
        // Given the student's folder: the reference Dockerfiles and report, and the YAML lab run wrote and scaled
        Path folder = ReferenceSubmission.withYaml(work.resolve("student"), Files.readString(yaml));
        Path zip = work.resolve("hand-in.zip");
        CliRun pack = CliRun.run(Map.of(), work, false, "lab", "pack", "--submission", folder.toString(),
                "--out", zip.toString(), "--set", "namespace=" + ns);
        assertThat(pack.status()).as(pack.out() + pack.err()).isZero();

        // When the instructor grades that zip against the cluster, with the read-only grader identity
        Path grader = GraderAccess.kubeconfig(testbed, ns, work);
        CliRun grade = CliRun.run(Map.of(), work, false, "--kubeconfig", grader.toString(), "grade", "--lab", "spark-k8s",
                "--set", "namespace=" + ns, "--submission", zip.toString(), "--format", "json");

        // Then every check of exercises 3 and 4 passes, the live YAML comparison included
        GradeJson report = GradeJson.parse(grade.out());
        assertThat(report.explain().keySet().stream().filter(id -> id.startsWith("ex3.") || id.startsWith("ex4.")).toList())
                .as(report.explain().toString()).isEmpty();
        assertThat(List.of("ex3.live-yaml", "ex4.torn-down", "ex4.two-clusters", "ex4.alive-three"))
                .allSatisfy(id -> assertThat(report.check(id).get("status").asText()).isEqualTo("passed"));
    }
}
