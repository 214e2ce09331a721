package io.labctl.cli.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labctl.cli.CliRun;
import io.labctl.grading.files.ReferenceSubmission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CLI tier, no cluster: {@code labctl lab pack} in-process on real folders. The zip it writes is graded by
 * {@code labctl grade --submission FILE.zip} (the round trip the instructor makes), refusals write nothing, and links
 * out of the folder are never followed.
 */
class LabPackCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void pack_referenceFolder_zipsTheAskedFiles_andGradeOfTheZipGivesFullMarks() throws IOException {
        // Given the reference submission, with things the assignment does not ask for beside it
        Path alice = ReferenceSubmission.write(home.resolve("alice"));
        Files.write(alice.resolve("spark-3.5.7-bin-hadoop3.tgz"), new byte[]{31, -117, 8, 0});
        Files.createDirectories(alice.resolve(".git"));
        Files.writeString(alice.resolve(".git/config"), "[core]\n");
        Path zip = home.resolve("alice.zip");

        // When it is packed (the README's example)
        CliRun pack = CliRun.run(home, "lab", "pack", "--submission", alice.toString(), "--out", zip.toString());

        // Then exit 0, the zip holds exactly the asked files, byte for byte, and the listing says so
        assertThat(pack.status()).as(pack.err()).isZero();
        assertThat(entries(zip)).containsExactly("base/Dockerfile", "master/Dockerfile", "report.md",
                "spark-commented.yaml", "spark.yaml", "worker/Dockerfile");
        assertThat(content(zip, "report.md")).isEqualTo(Files.readString(alice.resolve("report.md")));
        assertThat(pack.out()).contains("Wrote " + zip + " (6 files)")
                .contains("Left out (not asked for): spark-3.5.7-bin-hadoop3.tgz")
                .contains("File checks on the zip: 26/26 points, all passed");
        // And the instructor's grade of that zip (the README's next line) gives every file point
        CliRun grade = CliRun.run(home, "grade", "--submission", zip.toString(), "--part", "files", "--format", "json");
        assertThat(grade.status()).as(grade.err()).isZero();
        JsonNode report = JSON.readTree(grade.out());
        assertThat(report.get("score").asDouble()).isEqualTo(report.get("maxScore").asDouble()).isEqualTo(26.0);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void readmeExamples_packThenGradeTheZip_runAsWritten_inTheStudentsParentFolder() throws IOException {
        // Given the README's two hand-in lines, read from the README itself
        List<String> lines = Files.readAllLines(Path.of("..", "README.md")).stream()
                .filter(l -> l.startsWith("./labctl lab pack --submission") || l.startsWith("./labctl grade --submission lab3.zip"))
                .map(l -> l.replaceFirst("\\s+#.*$", "")).toList();
        assertThat(lines).hasSize(2);
        ReferenceSubmission.write(home.resolve("lab3"));

        // When each runs with its relative paths taken in the folder that holds lab3/ (as a shell there would)
        List<CliRun> runs = new ArrayList<>();
        for (String line : lines) {
            String[] args = Stream.of(line.split("\\s+")).skip(1)
                    .map(a -> a.equals("lab3") || a.equals("lab3.zip") ? home.resolve(a).toString() : a)
                    .toArray(String[]::new);
            runs.add(CliRun.run(home, args));
        }

        // Then both succeed: the zip holds the files, and grading it gives every file point
        assertThat(runs).allSatisfy(r -> assertThat(r.status()).as(r.out() + r.err()).isZero());
        assertThat(entries(home.resolve("lab3.zip"))).contains("report.md", "spark.yaml", "base/Dockerfile");
        assertThat(runs.get(1).err()).contains("26/26");
    }

    @Test
    void pack_missingReportAndCommentedCopy_writesTheZip_listsWhatIsMissingWithHints_exit9() throws IOException {
        Path bob = ReferenceSubmission.write(home.resolve("bob"));
        Files.delete(bob.resolve("report.md"));
        Files.delete(bob.resolve("spark-commented.yaml"));
        Path zip = home.resolve("bob.zip");

        CliRun r = CliRun.run(home, "lab", "pack", "--submission", bob.toString(), "--out", zip.toString());

        assertThat(r.status()).as(r.err()).isEqualTo(9);
        assertThat(entries(zip)).doesNotContain("report.md").contains("spark.yaml");
        assertThat(r.out()).contains("missing or wrong:").contains("ex3.yaml-commented (failed)")
                .contains("ex4.report-ex4").contains("fix: ").contains("Fix these, then pack again with --force.");
    }

    @Test
    void pack_existingOut_isRefusedWithoutForce_exit2_untouched_andReplacedWithForce() throws IOException {
        Path carol = ReferenceSubmission.write(home.resolve("carol"));
        Path zip = Files.writeString(home.resolve("carol.zip"), "an earlier hand-in");

        CliRun refused = CliRun.run(home, "lab", "pack", "--submission", carol.toString(), "--out", zip.toString());

        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.err()).contains(zip + " already exists").contains("pass --force to replace it");
        assertThat(Files.readString(zip)).isEqualTo("an earlier hand-in");
        CliRun forced = CliRun.run(home, "lab", "pack", "--submission", carol.toString(), "--out", zip.toString(), "--force");
        assertThat(forced.status()).as(forced.err()).isZero();
        assertThat(entries(zip)).contains("report.md");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void pack_outThatIsALinkAFolderOrNoZip_isRefused_exit2_evenWithForce() throws IOException {
        Path dave = ReferenceSubmission.write(home.resolve("dave"));
        Path elsewhere = Files.writeString(home.resolve("precious.txt"), "keep me");
        Path link = Files.createSymbolicLink(home.resolve("link.zip"), elsewhere);
        Path folder = Files.createDirectories(home.resolve("folder.zip"));

        CliRun viaLink = CliRun.run(home, "lab", "pack", "--submission", dave.toString(), "--out", link.toString(), "--force");
        CliRun toFolder = CliRun.run(home, "lab", "pack", "--submission", dave.toString(), "--out", folder.toString(), "--force");
        CliRun notZip = CliRun.run(home, "lab", "pack", "--submission", dave.toString(), "--out", home.resolve("x.tar").toString());

        assertThat(viaLink.status()).isEqualTo(2);
        assertThat(viaLink.err()).contains("is a symbolic link, not a regular file");
        assertThat(toFolder.status()).isEqualTo(2);
        assertThat(toFolder.err()).contains("is a directory");
        assertThat(notZip.status()).isEqualTo(2);
        assertThat(notZip.err()).contains("--out x.tar is not a .zip");
        assertThat(Files.readString(elsewhere)).isEqualTo("keep me");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void pack_linksInTheFolder_areNeverFollowed_norPacked_andAreListed() throws IOException {
        // Given a folder whose report and a YAML are links to files outside it (a secret, a kubeconfig)
        Path erin = ReferenceSubmission.write(home.resolve("erin"));
        Path secret = Files.writeString(home.resolve("kubeconfig"), "client-key-data: SECRET\n");
        Files.delete(erin.resolve("report.md"));
        Files.createSymbolicLink(erin.resolve("report.md"), secret);
        Files.createSymbolicLink(erin.resolve("extra.yaml"), secret);
        Files.createDirectories(home.resolve("outside"));
        Files.writeString(home.resolve("outside/stolen.yaml"), "kind: Secret\n");
        Files.createSymbolicLink(erin.resolve("k8s"), home.resolve("outside"));
        Path zip = home.resolve("erin.zip");

        CliRun r = CliRun.run(home, "lab", "pack", "--submission", erin.toString(), "--out", zip.toString(), "-o", "json");

        // Then no link and nothing behind one is in the zip, and the result says which were not packed
        assertThat(entries(zip)).doesNotContain("report.md", "extra.yaml", "k8s", "k8s/stolen.yaml");
        assertThat(String.join("", contents(zip))).doesNotContain("SECRET", "kind: Secret");
        JsonNode result = JSON.readTree(r.out());
        assertThat(result.get("notPacked").has("report.md")).isTrue();
        assertThat(result.get("notPacked").get("report.md").asText()).contains("symbolic link");
        assertThat(result.get("out").asText()).isEqualTo(zip.toString());
        assertThat(r.out()).doesNotContain("SECRET");
    }

    @Test
    void pack_noSuchFolder_orNothingToPack_exit2_writesNothing() throws IOException {
        Path empty = Files.createDirectories(home.resolve("empty"));
        Files.writeString(empty.resolve("notes.docx"), "not asked for");

        CliRun missing = CliRun.run(home, "lab", "pack", "--submission", home.resolve("nope").toString(),
                "--out", home.resolve("a.zip").toString());
        CliRun nothing = CliRun.run(home, "lab", "pack", "--submission", empty.toString(),
                "--out", home.resolve("b.zip").toString());

        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist or is not a folder").contains("--submission DIR");
        assertThat(nothing.status()).isEqualTo(2);
        assertThat(nothing.err()).contains("holds no Dockerfile, YAML or report to hand in");
        assertThat(home.resolve("a.zip")).doesNotExist();
        assertThat(home.resolve("b.zip")).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void pack_refusesClusterOptions_itContactsNoCluster() {
        CliRun r = CliRun.run(home, "--context", "x", "lab", "pack", "--out", home.resolve("a.zip").toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(home.resolve("a.zip")).doesNotExist();
    }

    /** Temporary zips left in the test's folder (a pack that failed half-way must leave none). */
    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(home)) {
            return files.filter(p -> p.getFileName().toString().startsWith(".")).toList();
        }
    }

    private static List<String> entries(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    private static List<String> contents(Path zip) throws IOException {
        List<String> texts = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return texts;
    }

    private static String content(Path zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }
}
