package io.labctl.cli.grade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labctl.cli.CliRun;
import io.labctl.grading.files.ReferenceSubmission;
import io.labctl.grading.report.ClassCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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

    @Test
    void out_symlinkFifoOrDirectory_isRefused_exit2_andNothingIsReplaced() throws Exception {
        // Given --out targets that are not regular files: a link (to a file that must stay as it is), a FIFO
        // (standing in for a device node: a rename over /dev/sda would replace the node) and a directory
        Path submission = ReferenceSubmission.write(home.resolve("alice"));
        Path precious = Files.writeString(home.resolve("precious.txt"), "keep me");
        Path link = Files.createSymbolicLink(home.resolve("link.json"), precious);
        Path dir = Files.createDirectories(home.resolve("dir.json"));
        Path fifo = home.resolve("fifo.json");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();

        for (Path out : List.of(link, fifo, dir)) {
            // When graded into it
            CliRun r = CliRun.run(home, "grade", "--part", "files", "--submission", submission.toString(),
                    "--format", "json", "--out", out.toString());

            // Then a usage error naming what is there, and nothing replaced
            assertUsage(r, "--out " + out + " is a");
            assertThat(r.err()).contains("reports are written to regular files only");
        }
        assertThat(link).isSymbolicLink();
        assertThat(precious).hasContent("keep me");
        assertThat(dir).isEmptyDirectory();
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void out_existingFile_keepsItsMode_newFileIsOwnerOnly() throws Exception {
        // Given an existing report the instructor made world-readable
        Path submission = ReferenceSubmission.write(home.resolve("alice"));
        Path existing = Files.writeString(home.resolve("results.json"), "old");
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r--r--"));

        // When graded into it and into a new file
        CliRun r = CliRun.run(home, "grade", "--part", "files", "--submission", submission.toString(),
                "--format", "gradescope", "--out", existing.toString());
        Path fresh = home.resolve("new.json");
        CliRun r2 = CliRun.run(home, "grade", "--part", "files", "--submission", submission.toString(),
                "--format", "gradescope", "--out", fresh.toString());

        // Then the report is replaced and keeps 0644; the new one is 0600 (reports name students and grades)
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r2.status()).as(r2.err()).isZero();
        assertThat(Files.readString(existing)).contains("\"tests\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(existing))).isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rw-------");
    }

    @Test
    void roster_unquotedNumericId_isRejectedBeforeGrading_withAHintToQuoteIt() throws Exception {
        // Given student 012 unquoted (YAML reads 012 as the octal number 10, which would grade student 10's folder)
        Path roster = Files.writeString(home.resolve("roster.yaml"), """
                lab: spark-k8s
                defaults: {submission: "${student}"}
                students:
                  - id: "011"
                  - id: 012
                """);

        // When graded, Then nothing is graded or written, and the error says what to write
        CliRun r = CliRun.run(home, "grade", "--roster", roster.toString(), "--part", "files");
        assertUsage(r, roster + ": students[1].id: is a number in YAML (read as 10); write ids as quoted strings");
        assertThat(r.err()).contains("hint: quote it, e.g. id: \"012\"");
        assertThat(home.resolve("grades")).doesNotExist();
    }

    @Test
    void roster_idsThatWouldShareAReportFile_reservedOrOverlong_areRejectedBeforeGrading() throws Exception {
        assertRosterRejected("[{id: alice}, {id: alice.results}]",
                "students[1].id: 'alice.results' and 'alice' would both write alice.results.json");
        assertRosterRejected("[{id: Alice}, {id: alice}]",
                "students[1].id: duplicate student 'alice' (same as 'Alice' ignoring case");
        assertRosterRejected("[{id: bob}, {id: class}]",
                "students[1].id: 'class' is reserved: its CSV report would be class.csv, the class table");
        assertRosterRejected("[{id: " + "a".repeat(300) + "}]", "students[0].id: " + "a".repeat(40)
                + "... is 300 characters long; at most 64");
        assertRosterRejected("[{id: \"a\\e[31mb\"}]", "students[0].id: 'a^[[31mb' must be letters");
    }

    @Test
    void roster_folderOfArchivesNamedByStudent_zipAndTarGz_gradeLikeTheFolder() throws Exception {
        // Given a roster pointing at submissions/${student}, where only alice.zip and bob.tar.gz are
        Path submissions = Files.createDirectories(home.resolve("submissions"));
        ReferenceSubmission.zip(home.resolve("work"), submissions.resolve("alice.zip"), "alice/");
        ReferenceSubmission.tarGz(Files.createDirectories(home.resolve("work")), submissions.resolve("bob.tar.gz"));
        Path roster = Files.writeString(home.resolve("roster.yaml"), """
                lab: spark-k8s
                defaults:
                  submission: submissions/${student}
                students: [{id: alice}, {id: bob}]
                """);

        // When the class is graded on files
        CliRun r = CliRun.run(home, "grade", "--roster", roster.toString(), "--part", "files");

        // Then both get the reference's full marks, and no unpacked folder is left in the submissions
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(ClassCsv.read(home.resolve("grades/class.csv"))).extracting(row -> row.get("student") + "="
                + row.get("score")).containsExactly("alice=26", "bob=26");
        try (var left = Files.list(submissions)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("alice.zip", "bob.tar.gz");
        }
    }

    @Test
    void submission_archiveThatDoesNotOpen_filesAreNotGradable_withTheReason() throws Exception {
        Path broken = Files.writeString(home.resolve("alice.zip"), "not a zip");

        CliRun r = CliRun.run(home, "grade", "--lab", "spark-k8s", "--part", "files", "--submission", broken.toString(),
                "--format", "json");

        assertThat(r.status()).isEqualTo(4);
        assertThat(r.out()).contains("not a readable zip archive");
    }

    @Test
    void concurrentOnlyRegrades_ofDifferentStudents_keepBothRowsOfClassCsv() throws Exception {
        // Given a class of two graded once, then both students' work changed between rounds
        Path roster = twoStudentRoster();
        assertThat(CliRun.run(home, "grade", "--roster", roster.toString(), "--part", "files").status()).isZero();
        for (int round = 0; round < 6; round++) {
            boolean commented = round % 2 == 1;
            for (String id : List.of("alice", "bob")) {
                Path copy = home.resolve("submissions").resolve(id).resolve("spark-commented.yaml");
                if (commented) {
                    Files.copy(home.resolve("spark-commented.yaml.orig"), copy);
                } else {
                    Files.delete(copy);
                }
            }

            // When `--only alice` and `--only bob` run at the same time
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService two = Executors.newFixedThreadPool(2);
            List<Future<CliRun>> runs = List.of("alice", "bob").stream().map(id -> two.submit(() -> {
                start.await();
                return CliRun.run(home, "grade", "--roster", roster.toString(), "--part", "files", "--only", id);
            })).toList();
            for (Future<CliRun> run : runs) {
                assertThat(run.get(60, TimeUnit.SECONDS).status()).isZero();
            }
            two.shutdown();

            // Then class.csv has both regraded rows (without a lock, the second write dropped the first one's row)
            List<Map<String, String>> rows = ClassCsv.read(home.resolve("grades/class.csv"));
            String expected = commented ? "26" : "25"; // yaml-commented is worth 1 point
            assertThat(rows).as("round %d", round).extracting(row -> row.get("student") + "=" + row.get("score"))
                    .containsExactly("alice=" + expected, "bob=" + expected);
        }
    }

    @Test
    void classOfThirty_withThreeHostileStudents_gradesTheOthersFully_andWritesEveryReportAndClassCsv() throws Exception {
        // Given 27 reference submissions and 3 hostile ones: a link to a canary outside, a 1 MB report line that
        // made the heading pattern backtrack for minutes, and student "012" (quoted, so a valid id) whose report
        // is a FIFO, whose YAML includes a link to /proc/self/mem and whose base Dockerfile is 3 MiB
        Path submissions = home.resolve("submissions");
        StringBuilder roster = new StringBuilder("lab: spark-k8s\nparallel: 4\ndefaults: {submission: "
                + "\"submissions/${student}\"}\nstudents:\n");
        for (int i = 1; i <= 27; i++) {
            String id = String.format("s%02d", i);
            ReferenceSubmission.write(submissions.resolve(id));
            roster.append("  - id: ").append(id).append('\n');
        }
        Path canary = Files.writeString(home.resolve("canary.md"), "# canary-77aa\n\ncanary-77aa\n");
        Path linked = ReferenceSubmission.write(submissions.resolve("mallory"));
        Files.delete(linked.resolve("report.md"));
        Files.createSymbolicLink(linked.resolve("report.md"), canary);
        Path heading = ReferenceSubmission.write(submissions.resolve("heading"));
        Files.writeString(heading.resolve("report.md"), "\n# a" + " #".repeat(512 * 1024) + "b\n",
                StandardOpenOption.APPEND);
        Path odd = ReferenceSubmission.write(submissions.resolve("012"));
        Files.delete(odd.resolve("report.md"));
        new ProcessBuilder("mkfifo", odd.resolve("report.md").toString()).start().waitFor();
        Files.createSymbolicLink(odd.resolve("mem.yaml"), Path.of("/proc/self/mem"));
        Files.writeString(odd.resolve("base/Dockerfile"), "#".repeat(3 * 1024 * 1024), StandardOpenOption.APPEND);
        roster.append("  - id: mallory\n  - id: heading\n  - id: \"012\"\n");
        Path file = Files.writeString(home.resolve("roster.yaml"), roster);

        // When the class is graded on files
        CliRun r = CliRun.run(home, "grade", "--roster", file.toString(), "--part", "files", "--format", "json,markdown");

        // Then every report and the class table are written
        assertThat(r.status()).as(r.err()).isZero();
        Path grades = home.resolve("grades");
        List<Map<String, String>> rows = ClassCsv.read(grades.resolve("class.csv"));
        assertThat(rows).hasSize(30);
        for (Map<String, String> row : rows) {
            assertThat(grades.resolve(row.get("student") + ".json")).isRegularFile();
            assertThat(grades.resolve(row.get("student") + ".md")).isRegularFile();
        }
        // the 27 and the pathological line get full marks; mallory and 012 lose exactly what could not be read,
        // as errors naming the file
        assertThat(rows).filteredOn(row -> !row.get("student").equals("mallory") && !row.get("student").equals("012"))
                .hasSize(28).allSatisfy(row -> assertThat(row.get("percent")).as(row.get("student")).isEqualTo("100"));
        JsonNode mallory = JSON.readTree(grades.resolve("mallory.json").toFile());
        assertThat(statuses(mallory, "error")).containsExactly("ex2.report-build", "ex3.report-launch", "ex4.report-ex4");
        assertThat(mallory.toString()).doesNotContain("canary-77aa");
        JsonNode student012 = JSON.readTree(grades.resolve("012.json").toFile());
        assertThat(statuses(student012, "error")).contains("ex2.base-image", "ex2.report-build", "ex3.yaml-valid");
        assertThat(student012.path("checks").toString()).contains("base/Dockerfile is 3", "mem.yaml is a symbolic link",
                "report.md is not a regular file");
        assertThat(statuses(student012, "failed")).isEmpty();
    }

    private static List<String> statuses(JsonNode report, String status) {
        List<String> ids = new java.util.ArrayList<>();
        report.path("checks").forEach(c -> {
            if (c.path("status").asText().equals(status)) {
                ids.add(c.path("id").asText());
            }
        });
        return ids;
    }

    private Path twoStudentRoster() throws IOException {
        for (String id : List.of("alice", "bob")) {
            ReferenceSubmission.write(home.resolve("submissions").resolve(id));
        }
        Files.copy(home.resolve("submissions/alice/spark-commented.yaml"), home.resolve("spark-commented.yaml.orig"));
        return Files.writeString(home.resolve("roster.yaml"), """
                lab: spark-k8s
                defaults: {submission: "submissions/${student}"}
                students: [{id: alice}, {id: bob}]
                """);
    }

    private void assertRosterRejected(String students, String message) throws IOException {
        Path roster = Files.writeString(home.resolve("ids.yaml"), "lab: spark-k8s\nstudents: " + students + "\n");
        CliRun r = CliRun.run(home, "grade", "--roster", roster.toString(), "--part", "files");
        assertUsage(r, roster + ": " + message);
        assertThat(r.err()).doesNotContain("\u001b");
        assertThat(home.resolve("grades")).doesNotExist();
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
