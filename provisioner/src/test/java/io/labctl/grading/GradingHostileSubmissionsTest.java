package io.labctl.grading;

import io.labctl.cli.CliRun;
import io.labctl.grading.files.ReferenceSubmission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Unit tier (real files, real CLI, no cluster): the built-in lab's file checks on submissions a hostile student
 * or a careless zip tool hands in. Nothing outside the folder is read or shown, nothing aborts the grading, and
 * what cannot be read is an ERROR naming the file, never a student's FAILED.
 */
class GradingHostileSubmissionsTest {
    private static final String CANARY = "canary-5f1c9e";
    private static final List<String> FORMATS = List.of("text", "json", "junit", "gradescope", "markdown", "csv");

    @TempDir
    Path home;

    @Test
    void linksToOutsideFiles_areErrorsNamingTheLinks_andTheCanaryIsInNoReportOfAnyFormat_norInTheFingerprint()
            throws IOException {
        // Given the reference, with report.md, a Dockerfile and a YAML file that are links to files outside the
        // submission holding a canary (content a check would quote: an image, an object name, a heading), and a
        // link to /proc/self/mem (reading it fails with an I/O error)
        Path outside = Files.createDirectories(home.resolve("instructor"));
        Path canaryReport = Files.writeString(outside.resolve("notes.md"), "# " + CANARY + "\n\n" + CANARY + " text\n");
        Path canaryDockerfile = Files.writeString(outside.resolve("Dockerfile"), "FROM " + CANARY + ":1.0\n");
        Path canaryYaml = Files.writeString(outside.resolve("secret.yaml"), "apiVersion: v1\nkind: Service\n"
                + "metadata:\n  name: " + CANARY + "\nspec:\n  ports: [{port: 7077}]\n");
        Path student = ReferenceSubmission.write(home.resolve("submissions/alice"));
        Files.delete(student.resolve("report.md"));
        Files.createSymbolicLink(student.resolve("report.md"), canaryReport);
        Files.createDirectories(student.resolve("old"));
        Files.createSymbolicLink(student.resolve("old/Dockerfile.old"), canaryDockerfile);
        Files.createDirectories(student.resolve("k8s"));
        Files.createSymbolicLink(student.resolve("k8s/x.yaml"), canaryYaml);
        Files.createSymbolicLink(student.resolve("k8s/mem.yml"), Path.of("/proc/self/mem"));
        Path roster = Files.writeString(home.resolve("roster.yaml"),
                "lab: spark-k8s\ndefaults:\n  submission: submissions/${student}\nstudents:\n  - id: alice\n");

        // When the class is graded on files into every format (class.csv included)
        CliRun r = CliRun.run(home, "grade", "--roster", roster.toString(), "--part", "files", "--format",
                String.join(",", FORMATS));

        // Then grading finished, and every check that needed a linked file is an ERROR naming the link
        assertThat(r.status()).as(r.err()).isZero();
        Path grades = home.resolve("grades");
        GradeJson report = GradeJson.parse(Files.readString(grades.resolve("alice.json")));
        for (String reportCheck : List.of("ex2.report-build", "ex3.report-launch", "ex4.report-ex4")) {
            assertThat(report.check(reportCheck).get("status").asText()).as(reportCheck).isEqualTo("error");
            assertThat(report.check(reportCheck).get("observed").asText()).startsWith("report.md is a symbolic link");
        }
        for (String dockerfileCheck : List.of("ex2.base-image", "ex2.java", "ex2.from-base", "ex2.pinned")) {
            assertThat(report.check(dockerfileCheck).get("observed").asText()).as(dockerfileCheck)
                    .contains("old/Dockerfile.old is a symbolic link");
            assertThat(report.check(dockerfileCheck).get("status").asText()).isEqualTo("error");
        }
        assertThat(report.check("ex3.yaml-valid").get("observed").asText()).matches("k8s/(x.yaml|mem.yml) is a symbolic link.*");
        assertThat(report.root().path("fingerprint").path("files").path("report.md").asText())
                .startsWith("not read: report.md is a symbolic link");
        // and no report, in any format, holds the canary or the SHA-256 of a file it is in
        List<String> forbidden = Stream.of(canaryReport, canaryDockerfile, canaryYaml).map(GradingHostileSubmissionsTest::sha256)
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        forbidden.add(CANARY);
        try (Stream<Path> files = Files.list(grades)) {
            List<Path> written = files.filter(Files::isRegularFile).toList();
            assertThat(written).extracting(p -> p.getFileName().toString()).contains("alice.txt", "alice.json",
                    "alice.xml", "alice.results.json", "alice.md", "alice.csv", "class.csv");
            for (Path file : written) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(forbidden);
            }
        }
        assertThat(r.out() + r.err()).doesNotContain(forbidden);
    }

    @Test
    void dockerfileOverTheTextCap_isAnErrorOnTheDockerfileChecks_notAFailedInstallation() throws IOException {
        // Given the reference with 3 MiB of comments appended to base/Dockerfile (it used to be dropped silently)
        Path student = ReferenceSubmission.write(home.resolve("alice"));
        Files.writeString(student.resolve("base/Dockerfile"), "#".repeat(3 * 1024 * 1024),
                java.nio.file.StandardOpenOption.APPEND);

        // When graded
        GradeJson report = gradeFiles(student);

        // Then each Dockerfile check says why it cannot judge; no Dockerfile check is a student's FAILED
        for (String check : List.of("ex2.base-image", "ex2.java", "ex2.hadoop-in-opt", "ex2.spark-in-opt",
                "ex2.from-base", "ex2.pinned")) {
            assertThat(report.check(check).get("status").asText()).as(check).isEqualTo("error");
            assertThat(report.check(check).get("observed").asText()).as(check)
                    .startsWith("base/Dockerfile is 3").contains("files over 2 MiB are not read as text");
        }
        assertThat(report.check("ex3.yaml-kinds").get("status").asText()).isEqualTo("passed");
    }

    @Test
    void filesInUtf16OrWithAByteOrderMark_areGradedAsWhatTheySay_fullMarks() throws IOException {
        // Given the reference re-encoded as Windows tools write it
        Path student = ReferenceSubmission.write(home.resolve("alice"));
        reencode(student.resolve("base/Dockerfile"), new byte[]{(byte) 0xFF, (byte) 0xFE}, StandardCharsets.UTF_16LE);
        reencode(student.resolve("master/Dockerfile"), new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                StandardCharsets.UTF_8);
        reencode(student.resolve("spark.yaml"), new byte[]{(byte) 0xFE, (byte) 0xFF}, StandardCharsets.UTF_16BE);
        reencode(student.resolve("report.md"), new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, StandardCharsets.UTF_8);

        // When graded, Then exactly as the UTF-8 reference
        GradeJson report = gradeFiles(student);
        assertThat(report.lost()).as(report.explain().toString()).isEmpty();
    }

    @Test
    void fifoNamedLikeTheReport_isNeverOpened_andIsAnError() throws Exception {
        // Given report.md replaced by a FIFO (opening it would block the grader until someone writes to it)
        Path student = ReferenceSubmission.write(home.resolve("alice"));
        Files.delete(student.resolve("report.md"));
        Process mkfifo = new ProcessBuilder("mkfifo", student.resolve("report.md").toString()).start();
        assumeThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo works here").isTrue();

        // When graded, Then the grading finishes and only the report check is an error, naming it
        GradeJson report = gradeFiles(student);
        for (String reportCheck : List.of("ex2.report-build", "ex3.report-launch", "ex4.report-ex4")) {
            assertThat(report.check(reportCheck).get("status").asText()).as(reportCheck).isEqualTo("error");
            assertThat(report.check(reportCheck).get("observed").asText())
                    .isEqualTo("report.md is not a regular file (a device, FIFO or socket) and was not opened");
        }
        assertThat(report.lost()).containsOnlyKeys("ex2.report-build", "ex3.report-launch", "ex4.report-ex4");
    }

    @Test
    void pathLongerThanLinuxAllowsToOpen_isRefused_andEveryFileCheckSaysSo_noCrash() throws Exception {
        // Given a file 5,000 characters below the submission (made folder by folder: no absolute path that long
        // can be created, nor opened, which used to abort the walk)
        Path student = ReferenceSubmission.write(home.resolve("alice"));
        Process mkdirs = new ProcessBuilder("bash", "-c", "cd \"$1\" && for i in $(seq 50); do mkdir " + "x".repeat(99)
                + " && cd " + "x".repeat(99) + " || exit 1; done; echo FROM busybox > Dockerfile", "mkdirs",
                student.toString()).inheritIO().start();
        assumeThat(mkdirs.waitFor(30, TimeUnit.SECONDS) && mkdirs.exitValue() == 0).as("bash works here").isTrue();

        try {
            // When graded, Then grading finishes; the deep folder was not read and could hold anything (here a
            // Dockerfile FROM an unpinned image), so every file check is an error naming it, not a guess
            GradeJson report = gradeFiles(student);
            assertThat(report.root().path("checks")).allSatisfy(c -> {
                assertThat(c.path("status").asText()).isEqualTo("error");
                assertThat(c.path("observed").asText()).contains("has a path longer than 1024 characters");
            });
            assertThat(report.root().path("fingerprint").path("files").toString())
                    .contains("longer than 1024 characters");
        } finally {
            // JUnit cannot delete what it cannot name; rm works relative to each folder it opens.
            new ProcessBuilder("rm", "-rf", student.resolve("x".repeat(99)).toString()).start().waitFor(30,
                    TimeUnit.SECONDS);
        }
    }

    private GradeJson gradeFiles(Path submission) {
        CliRun r = CliRun.run(home, "grade", "--lab", "spark-k8s", "--part", "files", "--submission",
                submission.toString(), "--format", "json");
        assertThat(r.status()).as(r.err()).isZero();
        return GradeJson.parse(r.out());
    }

    private static void reencode(Path file, byte[] bom, Charset charset) throws IOException {
        byte[] text = Files.readString(file).getBytes(charset);
        byte[] all = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(text, 0, all, bom.length, text.length);
        Files.write(file, all);
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
