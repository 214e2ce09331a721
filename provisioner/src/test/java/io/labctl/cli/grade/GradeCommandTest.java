package io.labctl.cli.grade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labctl.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CLI tier, no test bed: a cluster that does not answer (a closed port on loopback, so a real
 * connection is refused) is "not gradable" with exit 4, never zero points; bad input is exit 2 with
 * one line and nothing written.
 */
class GradeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void unreachableCluster_isNotGradable_exit4_andEveryLiveCheckSaysWhy() throws Exception {
        Path kubeconfig = unreachableKubeconfig();

        CliRun r = CliRun.run(home, "--kubeconfig", kubeconfig.toString(), "grade", "--lab", "spark-k8s",
                "--part", "cluster", "--format", "json");

        assertThat(r.status()).as(r.err()).isEqualTo(4);
        JsonNode report = JSON.readTree(r.out());
        assertThat(report.get("gradable").asBoolean()).isFalse();
        assertThat(report.get("notGradable").asText()).contains("cannot reach the Kubernetes API server at https://127.0.0.1:1");
        assertThat(report.get("checks")).isNotEmpty().allSatisfy(c -> assertThat(c.get("status").asText()).isEqualTo("not-gradable"));
        assertThat(r.err()).contains("NOT GRADABLE");
    }

    @Test
    void labCheck_unreachable_exit4() throws Exception {
        CliRun r = CliRun.run(home, "--kubeconfig", unreachableKubeconfig().toString(), "lab", "check", "ex1");

        assertThat(r.status()).isEqualTo(4);
        assertThat(r.out()).contains("NOT GRADABLE");
    }

    @Test
    void noSubmission_fileChecksAreNotGradable_notFailed() throws Exception {
        CliRun r = CliRun.run(home, "grade", "--lab", "spark-k8s", "--part", "files", "--format", "json");

        assertThat(r.status()).isEqualTo(4);
        JsonNode report = JSON.readTree(r.out());
        assertThat(report.get("notGradable").asText()).contains("no submission folder given (--submission DIR)");
    }

    @Test
    void badInput_isExit2_withOneLineAndAHint_andNothingWritten() throws Exception {
        Path out = home.resolve("out.json");
        assertUsage(CliRun.run(home, "grade", "--format", "pdf", "--out", out.toString()), "unknown report format 'pdf'");
        assertUsage(CliRun.run(home, "grade", "--only", "alice"), "--only and --parallel need --roster");
        assertUsage(CliRun.run(home, "grade", "--format", "json,csv", "--out", out.toString()), "--out takes one format");
        assertUsage(CliRun.run(home, "grade", "--exercise", "ex9", "--part", "files"), "has no exercise 'ex9'");
        assertUsage(CliRun.run(home, "grade", "--set", "namespac=x", "--part", "files"), "'namespac' is not a variable");
        assertUsage(CliRun.run(home, "grade", "--lab", "nope.yaml"), "lab file");
        Path roster = Files.writeString(home.resolve("roster.yaml"), "lab: spark-k8s\nstudents:\n  - {id: 'a b'}\n");
        assertUsage(CliRun.run(home, "grade", "--roster", roster.toString()), "students[0].id: 'a b' must be letters");
        Path good = Files.writeString(home.resolve("good.yaml"), "lab: spark-k8s\nstudents:\n  - {id: alice}\n");
        assertUsage(CliRun.run(home, "grade", "--roster", good.toString(), "--only", "zed"),
                "--only names students not in " + good + ": zed");
        assertUsage(CliRun.run(home, "grade", "--roster", good.toString(), "--submission", "x"),
                "--out and --submission do not go with --roster");
        Path badVars = Files.writeString(home.resolve("vars.yaml"),
                "lab: spark-k8s\nstudents:\n  - {id: alice, vars: {nmespace: a}}\n");
        assertUsage(CliRun.run(home, "grade", "--roster", badVars.toString()), "'nmespace' is not a variable of lab spark-k8s");
        assertThat(out).doesNotExist();
        assertThat(home.resolve("grades")).doesNotExist();
    }

    @Test
    void unwritableReportFolder_isExit2_beforeAnyClusterIsRead() throws Exception {
        // The "folder" is a file: nothing can be written under it. The student's cluster is one that never
        // answers, so a grading run that started would show up as a not-gradable exit 4 instead of this.
        Path notADir = Files.writeString(home.resolve("grades-file"), "x");
        Path roster = Files.writeString(home.resolve("class.yaml"),
                "lab: spark-k8s\nstudents:\n  - {id: alice, kubeconfig: gone.kubeconfig}\n");
        unreachableKubeconfig();
        CliRun r = CliRun.run(home, "grade", "--roster", roster.toString(), "--out-dir", notADir.toString());
        assertUsage(r, "cannot write " + notADir.resolve(".labctl-write-probe"));
        assertThat(r.err()).contains("choose a writable --out/--out-dir").doesNotContain("[1/1]");
        assertThat(notADir).hasContent("x");
        CliRun one = CliRun.run(home, "--kubeconfig", home.resolve("gone.kubeconfig").toString(), "grade",
                "--out", notADir.resolve("report.txt").toString());
        assertUsage(one, "cannot write " + notADir.resolve(".labctl-write-probe"));
    }

    private static void assertUsage(CliRun r, String message) {
        assertThat(r.status()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("error: ").contains(message).contains("hint: ");
        assertThat(r.out()).isEmpty();
    }

    private Path unreachableKubeconfig() throws Exception {
        return Files.writeString(home.resolve("gone.kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters: [{name: gone, cluster: {server: "https://127.0.0.1:1", insecure-skip-tls-verify: true}}]
                users: [{name: u, user: {token: "x"}}]
                contexts: [{name: gone, context: {cluster: gone, user: u}}]
                current-context: gone
                """);
    }
}
