package io.labctl.cli.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.labctl.cli.CliRun;
import io.labctl.grading.files.ReferenceSubmission;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CLI tier, no cluster: the README's `labctl lab list`, `lab show ex3`, `lab run --dry-run` and the
 * files-only `labctl grade ... --format markdown` on the reference submission (the live ones run in
 * GradingLabctlReferenceIT on the test bed).
 */
class LabCommandsTest {
    @TempDir
    Path home;

    @Test
    void labList_showsTheBuiltInLab() {
        CliRun r = CliRun.run(home, "lab", "list");

        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("spark-k8s").contains("ex1, ex2, ex3, ex4").contains("points");
    }

    @Test
    void labShow_ex3_printsGuideStepsWithKubectlAndChecks() {
        CliRun r = CliRun.run(home, "lab", "show", "ex3", "--set", "namespace=lab3");

        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("labctl spark deploy spark -n lab3 --workers 2")
                .contains("by hand: kubectl create namespace lab3")
                .contains("alive-workers").contains("Checks:");
    }

    @Test
    void labRun_dryRun_printsEveryStepAndRunsNothing() {
        CliRun r = CliRun.run(home, "lab", "run", "ex4", "--dry-run", "--set", "namespace=lab3");

        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("Step 1/9").contains("Step 9/9").contains("$ labctl spark scale spark -n lab3 --workers 3")
                .contains("$ labctl spark scale spark -n lab3 --workers 2 --file spark.yaml")
                .contains("by hand: kubectl scale deployment spark-worker -n lab3 --replicas=3")
                .contains("$ labctl spark teardown spark -n lab3")
                .contains("by hand: kubectl create configmap labctl-lab-record -n lab3 --from-literal=torn-down.spark=")
                .contains("Dry run: nothing was run.");
    }

    @Test
    void labShow_ex1_workerNodesZero_isTheOneNodeMinikubeCheck_andEx2BuildsAllThreeImages() {
        CliRun ex1 = CliRun.run(home, "lab", "show", "ex1", "--set", "workerNodes=0");
        CliRun ex2 = CliRun.run(home, "lab", "show", "ex2");

        assertThat(ex1.status()).as(ex1.err()).isZero();
        assertThat(ex1.out()).contains("labctl cluster up lab3 --workers 0")
                .contains("A master and at least 0 worker node(s) are Ready");
        assertThat(ex2.out()).contains("-t labctl/spark-base:3.5.7 dockerfiles/base")
                .contains("-t labctl/spark-master:3.5.7 dockerfiles/master")
                .contains("-t labctl/spark-worker:3.5.7 dockerfiles/worker");
    }

    @Test
    void labRun_printsCommandsShellQuoted_soAPastedValueStaysOneWord() {
        // Given a namespace value a shell would split and run as a second command
        CliRun r = CliRun.run(home, "lab", "run", "ex4", "--dry-run", "--set", "namespace=lab 3;touch pwned");

        // Then the printed command quotes it (the kubectl line is the lab's own text and is only made visible)
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("$ labctl spark scale spark -n 'lab 3;touch pwned' --workers 3");
        CliRun show = CliRun.run(home, "lab", "show", "ex3", "--set", "namespace=it's\u001b[2J");
        assertThat(show.out()).contains("labctl spark deploy spark -n 'it'\\''s^[[2J'").doesNotContain("\u001b");
    }

    @Test
    void labPath_toAFileThatIsNotALab_saysSo_withoutQuotingTheFile() throws Exception {
        // Given an instructor's file with a secret, named as --lab, as a roster's lab: and as an extends:
        Path secret = Files.writeString(home.resolve("secrets.yaml"), "db_password: hunter2\nkind: Secret\n");
        Path roster = Files.writeString(home.resolve("roster.yaml"), "lab: secrets.yaml\nstudents: [{id: a}]\n");
        Path extending = Files.writeString(home.resolve("mine.yaml"), "extends: " + secret + "\n");

        for (CliRun r : List.of(CliRun.run(home, "lab", "show", "--lab", secret.toString()),
                CliRun.run(home, "grade", "--roster", roster.toString()),
                CliRun.run(home, "lab", "show", "--lab", extending.toString()))) {
            // Then one line says it is not a lab, and neither its keys nor its values are shown
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.err()).contains("is not a labctl lab file (it has neither kind: Lab nor extends:)")
                    .doesNotContain("db_password", "hunter2", "Secret");
        }
    }

    @Test
    void labRun_unknownExercise_orStep_isExit2() {
        assertThat(CliRun.run(home, "lab", "run", "ex9").status()).isEqualTo(2);
        CliRun r = CliRun.run(home, "lab", "run", "ex4", "--from-step", "10");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--from-step 10 is outside 1..9");
    }

    @Test
    void gradeFilesOnly_referenceSubmission_fullMarks_asMarkdownWithATable() throws Exception {
        Path submission = ReferenceSubmission.write(home.resolve("alice"));

        CliRun r = CliRun.run(home, "grade", "--submission", submission.toString(), "--part", "files",
                "--format", "markdown");

        assertThat(r.status()).as(r.err()).isZero();
        Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
        Node doc = parser.parse(r.out());
        String html = HtmlRenderer.builder().extensions(List.of(TablesExtension.create())).build().render(doc);
        assertThat(html).contains("<table>").contains("ex2.base-image").contains("ex4.report-ex4");
        assertThat(r.err()).contains("26/26");
        assertThat(Files.list(home).count()).isEqualTo(1); // nothing written besides the submission
    }

    @Test
    void labCheck_filesOnly_brokenSubmission_exit9_withTheHint() throws Exception {
        Path submission = ReferenceSubmission.write(home.resolve("bob"));
        Path base = submission.resolve("base/Dockerfile");
        Files.writeString(base, Files.readString(base).replace("ubuntu:22.04", "ubuntu:20.04"));

        CliRun r = CliRun.run(home, "lab", "check", "ex2", "--part", "files", "--submission", submission.toString());

        assertThat(r.status()).isEqualTo(9);
        assertThat(r.out()).contains("ex2.base-image").contains("ubuntu:20.04")
                .as("no UTF-8 locale in this run: ASCII marks").containsPattern("(?m)^FAIL ex2\\.base-image");
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void labShow_globalNamespace_fillsTheLabsNamespace_andRefusesADisagreeingSet() {
        CliRun withN = CliRun.run(home, "lab", "show", "ex3", "-n", "alice");
        CliRun both = CliRun.run(home, "lab", "show", "ex3", "-n", "alice", "--set", "namespace=bob");
        CliRun same = CliRun.run(home, "lab", "show", "ex3", "-n", "alice", "--set", "namespace=alice");

        assertThat(withN.status()).as(withN.err()).isZero();
        assertThat(withN.out()).contains("labctl spark deploy spark -n alice --workers 2")
                .contains("by hand: kubectl create namespace alice");
        assertThat(both.status()).isEqualTo(2);
        assertThat(both.err()).startsWith("error: -n alice and --set namespace=bob disagree\n");
        assertThat(same.status()).isZero();
        assertThat(same.out()).isEqualTo(withN.out());
    }

    @Test
    void labShow_asJsonAndYaml_isTheGuideAsData_withTheReportsQuestions() throws Exception {
        CliRun json = CliRun.run(home, "lab", "show", "ex4", "-o", "json", "-n", "lab3");
        CliRun yaml = CliRun.run(home, "lab", "show", "ex4", "-o", "yaml", "-n", "lab3");
        CliRun overview = CliRun.run(home, "lab", "show", "-o", "yaml");

        assertThat(json.status()).as(json.err()).isZero();
        JsonNode guide = JSON.readTree(json.out());
        assertThat(guide.path("id").asText()).isEqualTo("ex4");
        assertThat(guide.path("steps").findValuesAsText("labctl"))
                .contains("labctl spark scale spark -n lab3 --workers 3");
        assertThat(guide.path("checks")).isNotEmpty();
        assertThat(guide.path("reportQuestions")).isNotEmpty();
        assertThat(YAML.readTree(yaml.out())).as("the YAML says what the JSON says").isEqualTo(guide);
        JsonNode lab = YAML.readTree(overview.out());
        assertThat(lab.path("exercises").findValuesAsText("id")).containsExactly("ex1", "ex2", "ex3", "ex4");
        assertThat(lab.path("variables").has("namespace")).isTrue();
    }

    @Test
    void labCheck_asYaml_isTheJsonReportsFields() throws Exception {
        Path submission = ReferenceSubmission.write(home.resolve("carol"));

        CliRun r = CliRun.run(home, "lab", "check", "ex2", "--part", "files", "--submission", submission.toString(),
                "-o", "yaml");

        assertThat(r.status()).as(r.err()).isZero();
        JsonNode report = YAML.readTree(r.out());
        assertThat(report.path("checks").findValuesAsText("exercise")).isNotEmpty().containsOnly("ex2");
        assertThat(report.path("score").asDouble()).isEqualTo(report.path("maxScore").asDouble()).isPositive();
    }

    @Test
    void grade_oJson_isFormatJson_andSeveralFormatsOnStdoutAreRefusedBeforeGrading() throws Exception {
        Path submission = ReferenceSubmission.write(home.resolve("dave"));
        String dir = submission.toString();

        CliRun json = CliRun.run(home, "grade", "--submission", dir, "--part", "files", "-o", "json");
        CliRun disagree = CliRun.run(home, "grade", "--submission", dir, "--part", "files", "-o", "json",
                "--format", "markdown");
        CliRun two = CliRun.run(home, "grade", "--submission", dir, "--part", "files", "--format", "json,junit");

        assertThat(json.status()).as(json.err()).isZero();
        assertThat(JSON.readTree(json.out()).path("lab").asText()).isEqualTo("spark-k8s");
        assertThat(disagree.status()).isEqualTo(2);
        assertThat(disagree.err()).contains("-o json and --format markdown disagree");
        assertThat(two.status()).isEqualTo(2);
        assertThat(two.err()).startsWith("error: stdout takes one format, not 2\n").contains("--out-dir");
        assertThat(two.out()).isEmpty();
        assertThat(Files.list(home).count()).as("nothing written besides the submission").isEqualTo(1);
    }
}
