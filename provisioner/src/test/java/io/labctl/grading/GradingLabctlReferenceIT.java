package io.labctl.grading;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.labctl.cli.CliRun;
import io.labctl.grading.files.ReferenceSubmission;
import io.labctl.testbed.AuditLog;
import io.labctl.testbed.Testbed;
import io.labctl.testbed.TestbedTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tier (real API server, real kubelet, real Spark): the lab's reference solution built by
 * labctl itself ({@code labctl lab run ex3} and {@code ex4}) gets full marks; then one mistake at a
 * time is made on that live cluster (by an admin, as a student would), graded with the read-only
 * grader identity, and undone. Each mistake must cost exactly the points meant for it, with a hint
 * that names it. The audit log proves grading never wrote anything.
 */
@TestbedTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GradingLabctlReferenceIT {
    private Testbed testbed;
    private KubernetesClient admin;
    private String ns;
    private Path work;
    private Path grader;
    private Path submission;
    private Instant gradingStarted;
    private Path noLiveYaml;

    @BeforeAll
    void setUp(Testbed testbed) throws Exception {
        this.testbed = testbed;
        this.admin = testbed.client();
        ns = testbed.createNamespace("grade");
        work = Files.createTempDirectory("grading-it");
        // The student's path through the lab, scripted: exercise 3 then exercise 4.
        // In the user's shell: ex3's last step runs PySpark on this machine (pip's pyspark).
        CliRun ex3 = testbed.labctlInUserShell("lab", "run", "ex3", "--set", "namespace=" + ns);
        assertThat(ex3.status()).as(ex3.out() + ex3.err()).isZero();
        assertThat(ex3.out()).contains("Step 1/5: Deploy the master Deployment")
                .contains("$ labctl spark deploy spark -n " + ns + " --workers 2")
                .contains("by hand: kubectl create namespace " + ns);
        CliRun ex4 = testbed.labctl("lab", "run", "ex4", "--set", "namespace=" + ns, "--set",
                "yaml=" + work.resolve("spark.yaml"));
        assertThat(ex4.status()).as(ex4.out() + ex4.err()).isZero();
        grader = GraderAccess.kubeconfig(testbed, ns, work);
        submission = ReferenceSubmission.write(work.resolve("submission"));
        // labctl built this cluster, not the submitted YAML: the instructor turns the live-YAML comparison off.
        noLiveYaml = Files.writeString(work.resolve("no-live-yaml.yaml"),
                "extends: spark-k8s\noverrides:\n  ex3.live-yaml: {remove: true}\n");
        gradingStarted = Instant.now();
    }

    @AfterAll
    void tearDown() {
        if (admin != null && ns != null) {
            GraderAccess.remove(admin, ns);
        }
    }

    @Test
    @Order(1)
    void reference_builtWithLabctl_getsFullMarks() {
        GradeJson report = grade("--submission", submission.toString());

        assertThat(report.explain()).isEmpty();
        assertThat(report.gradable()).isTrue();
        assertThat(report.score()).isEqualTo(report.maxScore())
                .isEqualTo(new LabCatalog(Path.of("")).load("spark-k8s").maxScore() - 2);
        assertThat(report.root().at("/fingerprint/clusterUid").asText())
                .isEqualTo(admin.namespaces().withName("kube-system").get().getMetadata().getUid());
        assertThat(report.root().at("/fingerprint/nodes").toString()).contains("testbed-real");
        assertThat(report.root().at("/fingerprint/masterJson/" + ns + "~1spark").asText()).contains("\"aliveworkers\"");
        assertThat(report.root().at("/fingerprint/files").size()).isGreaterThan(5);
        assertThat(report.check("ex4.alive-three").get("observed").asText()).contains("3 ALIVE");
    }

    @Test
    @Order(1)
    void builtInLab_clusterBuiltByLabctl_losesOnlyTheLiveYamlCheck_theYamlWasNeverApplied() {
        List<String> args = List.of("--kubeconfig", grader.toString(), "grade", "--lab", "spark-k8s", "--set",
                "namespace=" + ns, "--format", "json", "--submission", submission.toString());
        CliRun r = CliRun.run(Map.of(), work, false, args.toArray(String[]::new));

        assertThat(r.status()).as(r.err()).isZero();
        GradeJson report = GradeJson.parse(r.out());
        assertThat(report.lost()).as(report.explain().toString()).containsOnlyKeys("ex3.live-yaml");
        assertThat(report.check("ex3.live-yaml").get("observed").asText()).contains("differs live");
        assertThat(report.check("ex3.live-yaml").get("hint").asText()).contains("kubectl apply -n " + ns);
    }

    @Test
    @Order(2)
    void labCheck_sameChecksForTheStudent_exitsZeroWhenAllPass() {
        // -n as a kubectl user gives it: the lab's namespace variable (issue 17)
        CliRun r = CliRun.run(Map.of(), work, false, "--kubeconfig", grader.toString(), "lab", "check", "ex3", "ex4",
                "-n", ns, "--part", "cluster");

        assertThat(r.status()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("ex3.alive-workers").contains("ex4.two-clusters");
    }

    @Test
    @Order(3)
    void grading_isReadOnly_theAuditLogShowsOnlyReadsByTheGrader() {
        grade("--submission", submission.toString());

        List<AuditLog.Event> events = testbed.auditLog().since(gradingStarted).stream()
                .filter(e -> e.user().equals(GraderAccess.user(ns))).toList();
        assertThat(events).isNotEmpty();
        assertThat(events).allSatisfy(e -> assertThat(e.verb()).as(e.requestUri()).isIn("get", "list", "watch"));
        assertThat(events).anySatisfy(e -> assertThat(e.subresource()).isEqualTo("proxy"));
        assertThat(events).anySatisfy(e -> assertThat(e.resource()).isEqualTo("nodes"));
    }

    @Test
    @Order(10)
    void serviceSelectorMismatch_losesTheSelectorCheckOnly() {
        mutateService("spark-master-svc", s -> new ServiceBuilder(s).editSpec()
                .addToSelector("app.kubernetes.io/component", "mastr").endSpec().build(), () -> {
            GradeJson report = grade("--part", "cluster");
            assertThat(report.lost()).as(report.explain().toString()).containsExactly(Map.entry("ex3.service-selector", 2.0));
            assertThat(report.check("ex3.service-selector").get("hint").asText()).contains("selects no pod")
                    .contains("mastr");
        });
    }

    @Test
    @Order(11)
    void serviceWithout7077_losesThePortPart() {
        mutateService("spark-master-svc", s -> new ServiceBuilder(s).editSpec()
                .withPorts(s.getSpec().getPorts().stream().filter(p -> p.getPort() != 7077).toList()).endSpec().build(), () -> {
            GradeJson report = grade("--part", "cluster");
            assertThat(report.lost()).as(report.explain().toString()).containsExactly(Map.entry("ex3.service", 1.0));
            assertThat(report.check("ex3.service").get("hint").asText()).contains("no port 7077");
        });
    }

    @Test
    @Order(12)
    void serviceWithoutExternalAccess_losesTheExternalPart() {
        mutateService("spark-master-svc", s -> {
            Service c = new ServiceBuilder(s).editSpec().withType("ClusterIP").endSpec().build();
            c.getSpec().getPorts().forEach(p -> p.setNodePort(null));
            return c;
        }, () -> {
            GradeJson report = grade("--part", "cluster");
            assertThat(report.lost()).as(report.explain().toString()).containsExactly(Map.entry("ex3.service", 1.0));
            assertThat(report.check("ex3.service").get("hint").asText()).contains("ClusterIP").contains("NodePort");
        });
    }

    @Test
    @Order(13)
    void serviceNamedSparkMaster_costsNothing_becauseLabctlsPodsDisableServiceLinks() {
        // The pitfall itself is graded in GradingKubectlReferenceIT, on a student's pods that do not opt out.
        Service original = admin.services().inNamespace(ns).withName("spark-master-svc").get();
        admin.resource(new ServiceBuilder().withNewMetadata().withName("spark-master").withNamespace(ns).endMetadata()
                .withNewSpec().withType("ClusterIP").withSelector(original.getSpec().getSelector())
                .addNewPort().withName("rpc").withPort(7077).endPort().endSpec().build()).create();
        try {
            GradeJson report = grade("--part", "cluster");
            assertThat(report.lost()).as(report.explain().toString()).isEmpty();
            assertThat(report.check("ex3.service").get("observed").asText()).contains("spark-master-svc type NodePort");
        } finally {
            admin.services().inNamespace(ns).withName("spark-master").delete();
        }
    }

    @Test
    @Order(14)
    void teardownRecordNamingALiveObject_losesTheTeardownCheck() {
        // Given the record of the destroyed cluster also naming the live master Deployment (as if it had survived)
        String live = admin.apps().deployments().inNamespace(ns).withName("spark-master").get().getMetadata().getUid();
        var record = admin.configMaps().inNamespace(ns).withName("labctl-lab-record");
        String recorded = record.get().getData().get("torn-down.spark");
        record.edit(c -> new io.fabric8.kubernetes.api.model.ConfigMapBuilder(c).addToData("torn-down.spark",
                recorded + " " + live).build());
        try {
            GradeJson report = grade("--part", "cluster");
            assertThat(report.lost()).as(report.explain().toString()).containsExactly(Map.entry("ex4.torn-down", 2.0));
            assertThat(report.check("ex4.torn-down").get("observed").asText()).contains("deployment/spark-master");
        } finally {
            record.edit(c -> new io.fabric8.kubernetes.api.model.ConfigMapBuilder(c).addToData("torn-down.spark", recorded)
                    .build());
        }
    }

    @Test
    @Order(20)
    void twoWorkersInsteadOfThree_losesTheScaleChecks() {
        admin.apps().deployments().inNamespace(ns).withName("spark-worker").scale(2);
        awaitAlive("spark", 2);
        try {
            GradeJson report = grade("--part", "cluster");
            // Scaling is exercise 4: its Deployment check loses both parts (2 asked, 2 Ready, want 3), and
            // the master's count earns 2 of 3 thirds. Exercise 3 asked for at least 2 and still passes.
            assertThat(report.lost()).as(report.explain().toString())
                    .containsExactly(Map.entry("ex4.alive-three", 1.0), Map.entry("ex4.scaled", 2.0));
            assertThat(report.check("ex4.scaled").get("hint").asText()).contains("--replicas=3");
            assertThat(report.check("ex4.alive-three").get("status").asText()).isEqualTo("partial");
        } finally {
            CliRun r = testbed.labctl("spark", "scale", "spark", "-n", ns, "--workers", "3");
            assertThat(r.status()).as(r.err()).isZero();
        }
    }

    @Test
    @Order(21)
    void twoClustersCrossRegistered_loseTheIsolationAndExactCountChecks() {
        String url = "spark://spark-master-svc." + ns + ".svc:7077";
        admin.apps().deployments().inNamespace(ns).withName("spark-b-worker").edit(d -> {
            List<EnvVar> env = new ArrayList<>(d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv());
            env.replaceAll(e -> e.getName().equals("SPARK_MASTER_URL") ? new EnvVar("SPARK_MASTER_URL", url, null) : e);
            d.getSpec().getTemplate().getSpec().getContainers().get(0).setEnv(env);
            return d;
        });
        awaitAlive("spark", 4);
        awaitAlive("spark-b", 0);
        try {
            GradeJson report = grade("--part", "cluster");
            assertThat(report.lost()).as(report.explain().toString())
                    .containsExactly(Map.entry("ex4.alive-three", 3.0), Map.entry("ex4.two-clusters", 3.0));
            assertThat(report.check("ex4.two-clusters").get("observed").asText()).contains("spark-b=1");
            assertThat(report.check("ex4.alive-three").get("hint").asText()).contains("another cluster");
        } finally {
            CliRun r = testbed.labctl("spark", "deploy", "spark-b", "-n", ns, "--workers", "1");
            assertThat(r.status()).as(r.err()).isZero();
            awaitAlive("spark", 3);
        }
    }

    @Test
    @Order(30)
    void afterTheVariants_theReferenceHasFullMarksAgain() {
        GradeJson report = grade("--part", "cluster");
        assertThat(report.lost()).as(report.explain().toString()).isEmpty();
    }

    private GradeJson grade(String... extra) {
        List<String> args = new ArrayList<>(List.of("--kubeconfig", grader.toString(), "grade", "--lab", noLiveYaml.toString(),
                "--set", "namespace=" + ns, "--format", "json"));
        args.addAll(List.of(extra));
        CliRun r = CliRun.run(Map.of(), work, false, args.toArray(String[]::new));
        assertThat(r.status()).as(r.err()).isZero();
        return GradeJson.parse(r.out());
    }

    private void mutateService(String name, UnaryOperator<Service> change, Runnable grading) {
        Service original = admin.services().inNamespace(ns).withName(name).get();
        admin.services().inNamespace(ns).withName(name).edit(change);
        try {
            grading.run();
        } finally {
            admin.services().inNamespace(ns).withName(name).edit(s -> {
                s.setSpec(original.getSpec());
                return s;
            });
        }
    }

    private void awaitAlive(String cluster, int alive) {
        SparkAwait.alive(admin, ns, cluster, alive);
    }
}
