package io.labctl.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.labctl.cli.CliRun;
import io.labctl.grading.files.ReferenceSubmission;
import io.labctl.testbed.RequiredTools;
import io.labctl.testbed.Testbed;
import io.labctl.testbed.TestbedTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tier: the reference solution built with plain kubectl from a student's own YAML (own
 * labels, no labctl anywhere) gets full marks too, so the checks grade Kubernetes objects, not
 * labctl's conventions. Then a class of three is graded from a roster in parallel: a good student,
 * one whose cluster cannot be reached (not gradable, not zero), and one with a wrong base image; a
 * regrade of one student keeps the others' rows of class.csv. Every report file is read back with
 * its format's schema or parser.
 */
@TestbedTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GradingKubectlReferenceIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Testbed testbed;
    private KubernetesClient admin;
    private Path kubectl;
    private String ns;
    private Path work;
    private Path grader;

    @BeforeAll
    void setUp(Testbed testbed) throws Exception {
        this.testbed = testbed;
        this.admin = testbed.client();
        kubectl = RequiredTools.require("kubectl", "the reference solution is built with plain kubectl");
        ns = testbed.createNamespace("gradek");
        work = Files.createTempDirectory("grading-kubectl-it");
        Path spark = render("student-cluster.yaml", "spark", 3);
        Path second = render("student-cluster.yaml", "spark-b", 1);
        // Exercise 4's "destroy the cluster", the kubectl way: apply it, record it (the line the lab prints), delete
        // what was applied, and apply it again beside the second one.
        kubectl("apply", "-n", ns, "-f", spark.toString());
        String uids = kubectlOutput("get", "deployment", "spark-master", "spark-worker", "-n", ns, "-o",
                "jsonpath={.items[*].metadata.uid}");
        kubectl("create", "configmap", "labctl-lab-record", "-n", ns, "--from-literal=torn-down.spark=" + uids);
        kubectl("delete", "-n", ns, "-f", spark.toString(), "--wait=true", "--timeout=120s");
        kubectl("apply", "-n", ns, "-f", spark.toString(), "-f", second.toString());
        for (String d : List.of("spark-master", "spark-worker", "spark-b-master", "spark-b-worker")) {
            kubectl("rollout", "status", "-n", ns, "deployment/" + d, "--timeout=300s");
        }
        SparkAwait.alive(admin, ns, "spark", 3);
        SparkAwait.alive(admin, ns, "spark-b", 1);
        kubectl("apply", "-n", ns, "-f", render("student-pi-job.yaml", "spark", 0).toString());
        kubectl("wait", "-n", ns, "--for=jsonpath={.status.phase}=Succeeded", "pod/spark-pi", "--timeout=300s");
        grader = GraderAccess.kubeconfig(testbed, ns, work);
    }

    @AfterAll
    void tearDown() {
        if (admin != null && ns != null) {
            GraderAccess.remove(admin, ns);
        }
    }

    @Test
    @Order(1)
    void reference_builtWithPlainKubectl_getsFullMarks() throws IOException {
        Path submission = submission(work.resolve("alice"));
        CliRun r = CliRun.run(Map.of(), work, false, "--kubeconfig", grader.toString(), "grade", "--lab", "spark-k8s",
                "--set", "namespace=" + ns, "--submission", submission.toString(), "--format", "json");

        assertThat(r.status()).as(r.err()).isZero();
        GradeJson report = GradeJson.parse(r.out());
        assertThat(report.explain()).isEmpty();
        assertThat(report.score()).isEqualTo(report.maxScore());
    }

    @Test
    @Order(2)
    void serviceNamedSparkMaster_onPodsThatKeepServiceLinks_losesTheServiceLinkCheck_withAHintNamingIt() {
        admin.resource(new ServiceBuilder().withNewMetadata().withName("spark-master").withNamespace(ns).endMetadata()
                .withNewSpec().withType("ClusterIP").addToSelector(Map.of("app", "spark", "cluster", "spark", "role", "master"))
                .addNewPort().withName("rpc").withPort(7077).endPort().endSpec().build()).create();
        try {
            CliRun r = CliRun.run(Map.of(), work, false, "--kubeconfig", grader.toString(), "grade", "--lab", "spark-k8s",
                    "--set", "namespace=" + ns, "--part", "cluster", "--format", "json");
            assertThat(r.status()).as(r.err()).isZero();
            GradeJson report = GradeJson.parse(r.out());
            assertThat(report.lost()).as(report.explain().toString()).containsExactly(Map.entry("ex3.service-links", 1.0));
            assertThat(report.check("ex3.service-links").get("hint").asText())
                    .contains("SPARK_MASTER_PORT=tcp://").contains("enableServiceLinks: false");
        } finally {
            admin.services().inNamespace(ns).withName("spark-master").delete();
        }
    }

    @Test
    @Order(2)
    void liveYaml_aFieldChangedInTheClusterAfterApplying_losesOnlyTheLiveYamlCheck_namingTheField() throws IOException {
        Path submission = submission(work.resolve("drift"));
        admin.services().inNamespace(ns).withName("spark-master-svc").edit(s -> {
            s.getSpec().getPorts().get(1).setName("web");
            return s;
        });
        try {
            GradeJson report = gradeAll(submission);
            assertThat(report.lost()).as(report.explain().toString()).containsOnlyKeys("ex3.live-yaml");
            assertThat(report.check("ex3.live-yaml").get("observed").asText())
                    .contains("spec.ports[1].name: ui submitted, web live");
        } finally {
            admin.services().inNamespace(ns).withName("spark-master-svc").edit(s -> {
                s.getSpec().getPorts().get(1).setName("ui");
                return s;
            });
        }
    }

    @Test
    @Order(2)
    void liveYaml_anObjectOfTheSubmissionNeverApplied_isNamedWithTheApplyCommand() throws IOException {
        Path submission = submission(work.resolve("unapplied"));
        Files.writeString(submission.resolve("config.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n"
                + "  name: spark-config\ndata:\n  cores: \"1\"\n");

        GradeJson report = gradeAll(submission);

        assertThat(report.lost()).as(report.explain().toString()).containsOnlyKeys("ex3.live-yaml");
        assertThat(report.check("ex3.live-yaml").get("observed").asText())
                .contains("ConfigMap spark-config (config.yaml:1): not in namespace " + ns);
        assertThat(report.check("ex3.live-yaml").get("hint").asText())
                .contains("kubectl apply -n " + ns + " -f config.yaml");
    }

    @Test
    @Order(2)
    void validateOn_reference_isAcceptedByTheApiServer_andTheScratchNamespaceIsRemoved() throws IOException {
        Path submission = submission(work.resolve("valid"));

        GradeJson report = validateOn(submission);

        assertThat(report.check("ex3.yaml-api-valid").get("status").asText()).isEqualTo("passed");
        assertThat(report.check("ex3.yaml-api-valid").get("observed").asText())
                .contains("checked with the API server of context " + adminContext());
        assertThat(admin.namespaces().list().getItems()).filteredOn(n -> n.getMetadata().getName()
                .startsWith("labctl-validate-")).allSatisfy(n -> assertThat(n.getMetadata().getDeletionTimestamp())
                .as(n.getMetadata().getName()).isNotNull());
    }

    @Test
    @Order(2)
    void validateOn_unknownField_isTheApiServersOwnError_atItsLine() throws IOException {
        Path submission = submission(work.resolve("invalid"));
        for (String file : List.of("spark.yaml", "spark-commented.yaml")) {
            Path yaml = submission.resolve(file);
            Files.writeString(yaml, Files.readString(yaml).replace("  replicas: 2\n", "  replica: 2\n"));
        }

        GradeJson report = validateOn(submission);

        JsonNode check = report.check("ex3.yaml-api-valid");
        assertThat(check.get("status").asText()).isEqualTo("partial");
        int line = Files.readString(submission.resolve("spark.yaml")).lines().toList().indexOf("  replica: 2") + 1;
        assertThat(check.get("observed").asText()).startsWith("spark.yaml:" + line + " Deployment spark-worker:"
                + " spec.replica: field not declared in schema").contains("checked with the API server");
    }

    private GradeJson validateOn(Path submission) {
        CliRun r = CliRun.run(Map.of(), work, false, "--kubeconfig", testbed.kubeconfig().toString(), "grade",
                "--lab", "spark-k8s", "--part", "files", "--validate-on", adminContext(), "--submission",
                submission.toString(), "--format", "json");
        assertThat(r.status()).as(r.err()).isZero();
        return GradeJson.parse(r.out());
    }

    private String adminContext() {
        return admin.getConfiguration().getCurrentContext().getName();
    }

    @Test
    @Order(3)
    void roster_gradesTheClassInParallel_notGradableIsNotZero_andRegradeKeepsTheOthers() throws Exception {
        Path alice = submission(work.resolve("class/alice"));
        Path carol = submission(work.resolve("class/carol"));
        Path carolBase = carol.resolve("base/Dockerfile");
        Files.writeString(carolBase, Files.readString(carolBase).replace("ubuntu:22.04", "ubuntu:20.04"));
        ReferenceSubmission.write(work.resolve("class/bob"));
        Path unreachable = Files.writeString(work.resolve("class/bob.kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters: [{name: gone, cluster: {server: "https://127.0.0.1:1", insecure-skip-tls-verify: true}}]
                users: [{name: bob, user: {token: "x"}}]
                contexts: [{name: bob, context: {cluster: gone, user: bob}}]
                current-context: bob
                """);
        Path roster = Files.writeString(work.resolve("class/roster.yaml"), """
                lab: spark-k8s
                parallel: 3
                defaults:
                  kubeconfig: %s
                  submission: ${student}
                students:
                  - {id: alice, vars: {namespace: %s}}
                  - {id: bob, kubeconfig: bob.kubeconfig}
                  - {id: carol, vars: {namespace: %s}}
                """.formatted(grader, ns, ns));
        assertThat(alice).exists();
        assertThat(unreachable).exists();

        CliRun r = CliRun.run(Map.of(), work, false, "grade", "--roster", roster.toString(),
                "--format", "json,junit,gradescope,markdown,csv,text");

        assertThat(r.status()).as(r.out() + r.err()).isEqualTo(4); // bob's cluster was not gradable
        assertThat(r.err()).contains("[3/3]").contains("NOT GRADABLE");
        Path grades = work.resolve("class/grades");
        Map<String, CSVRecord> rows = classCsv(grades.resolve("class.csv"));
        assertThat(rows.keySet()).containsExactly("alice", "bob", "carol");
        double max = new LabCatalog(Path.of("")).load("spark-k8s").maxScore();
        assertThat(Double.parseDouble(rows.get("alice").get("score"))).isEqualTo(max);
        assertThat(rows.get("bob").get("status")).isEqualTo("not-gradable");
        assertThat(rows.get("bob").get("not_gradable_reason")).contains("cannot reach");
        assertThat(Double.parseDouble(rows.get("carol").get("score"))).isEqualTo(max - 2);
        assertThat(rows.get("carol").get("ex2.base-image")).isIn("0", "0.0");

        GradeJson bob = GradeJson.parse(Files.readString(grades.resolve("bob.json")));
        assertThat(bob.gradable()).isFalse();
        assertThat(bob.check("ex3.alive-workers").get("status").asText()).isEqualTo("not-gradable");
        assertThat(bob.check("ex2.base-image").get("status").asText()).isEqualTo("passed"); // files still graded
        GradeJson carolJson = GradeJson.parse(Files.readString(grades.resolve("carol.json")));
        assertThat(carolJson.lost()).containsExactly(Map.entry("ex2.base-image", 2.0));
        assertThat(carolJson.check("ex2.base-image").get("hint").asText()).contains("ubuntu:20.04");

        // JUnit: bob's live checks are errors (not failures: nothing is the student's fault), carol has one failure.
        // (The writers' unit tests validate the XML against the schema; here the counts are what matters.)
        long bobLive = bob.root().get("checks").findValues("tags").stream().filter(t -> t.toString().contains("live")).count();
        assertThat(junitTotals(grades.resolve("bob.xml"))).containsEntry("errors", (int) bobLive).containsEntry("failures", 0);
        assertThat(junitTotals(grades.resolve("carol.xml"))).containsEntry("errors", 0).containsEntry("failures", 1);
        JsonNode gradescope = JSON.readTree(grades.resolve("carol.results.json").toFile());
        assertThat(gradescope.get("score").asDouble()).isEqualTo(max - 2);
        assertThat(gradescope.get("tests").size()).isEqualTo(carolJson.root().get("checks").size());
        assertThat(Files.readString(grades.resolve("bob.md"))).contains("NOT GRADABLE");
        assertThat(Files.readString(grades.resolve("alice.txt"))).contains(String.valueOf((int) max));

        // Carol fixes her Dockerfile; only she is graded again, the others' rows stay as they were.
        Files.writeString(carolBase, Files.readString(carolBase).replace("ubuntu:20.04", "ubuntu:22.04"));
        String bobRow = rows.get("bob").toString();
        CliRun again = CliRun.run(Map.of(), work, false, "grade", "--roster", roster.toString(), "--only", "carol",
                "--format", "json");
        assertThat(again.status()).as(again.err()).isZero();
        Map<String, CSVRecord> after = classCsv(grades.resolve("class.csv"));
        assertThat(after.keySet()).containsExactly("alice", "bob", "carol");
        assertThat(Double.parseDouble(after.get("carol").get("score"))).isEqualTo(max);
        assertThat(after.get("bob").toString().replaceAll("recordNumber=\\d+", ""))
                .isEqualTo(bobRow.replaceAll("recordNumber=\\d+", ""));
    }

    /** The reference submission with the YAML this cluster was applied from (2 workers: the exercise's count). */
    private Path submission(Path dir) throws IOException {
        return ReferenceSubmission.withYaml(dir, Files.readString(render("student-cluster.yaml", "spark", 2)));
    }

    private GradeJson gradeAll(Path submission) {
        CliRun r = CliRun.run(Map.of(), work, false, "--kubeconfig", grader.toString(), "grade", "--lab", "spark-k8s",
                "--set", "namespace=" + ns, "--submission", submission.toString(), "--format", "json");
        assertThat(r.status()).as(r.err()).isZero();
        return GradeJson.parse(r.out());
    }

    private static Map<String, CSVRecord> classCsv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords()
                    .stream().collect(Collectors.toMap(r -> r.get("student"), r -> r, (a, b) -> a, java.util.LinkedHashMap::new));
        }
    }

    /** Sums the failures and errors attributes of every testsuite. */
    private static Map<String, Integer> junitTotals(Path file) throws Exception {
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        var suites = doc.getElementsByTagName("testsuite");
        int failures = 0;
        int errors = 0;
        for (int i = 0; i < suites.getLength(); i++) {
            var suite = (org.w3c.dom.Element) suites.item(i);
            failures += Integer.parseInt(suite.getAttribute("failures"));
            errors += Integer.parseInt(suite.getAttribute("errors"));
        }
        return Map.of("failures", failures, "errors", errors);
    }

    private Path render(String resource, String cluster, int workers) throws IOException {
        try (var in = GradingKubectlReferenceIT.class.getResourceAsStream("/grading/" + resource)) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("__CLUSTER__", cluster).replace("__WORKERS__", Integer.toString(workers));
            return Files.writeString(work.resolve(cluster + "-" + resource), yaml);
        }
    }

    private void kubectl(String... args) throws Exception {
        kubectlOutput(args);
    }

    private String kubectlOutput(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(kubectl.toString(), "--kubeconfig", testbed.kubeconfig().toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(6, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }
}
