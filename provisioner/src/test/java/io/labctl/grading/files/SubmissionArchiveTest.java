package io.labctl.grading.files;

import io.labctl.core.LabctlException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tier: unit (real archives written with commons-compress). Submissions as platforms hand them out are unpacked
 * inside a fresh folder only, links never created, caps holding while unpacking.
 */
class SubmissionArchiveTest {
    @TempDir
    Path dir;

    @Test
    void zipOfTheReference_unpacksEveryFile_andTheFolderIsGoneAfterClose() throws IOException {
        Path reference = SubmissionFixture.reference(dir.resolve("alice")).dir;
        Path zip = zip(dir.resolve("alice.zip"), filesOf(reference, "alice/"));

        Path folder;
        try (SubmissionArchive archive = SubmissionArchive.unpack(zip, SubmissionLimits.DEFAULT)) {
            folder = archive.folder();
            Submission submission = Submission.read(folder, SubmissionLimits.DEFAULT, archive.refused());
            assertThat(submission.files()).contains("alice/spark.yaml", "alice/base/Dockerfile", "alice/report.md");
            assertThat(submission.refused()).isEmpty();
        }
        assertThat(folder).doesNotExist();
    }

    @Test
    void entryNamedOutsideTheFolder_isNotWritten_andIsListedAsRefused() throws IOException {
        Path zip = zip(dir.resolve("evil.zip"), Map.of("../../escaped.txt", "x", "/etc/evil", "y", "ok.md", "fine"));

        try (SubmissionArchive archive = SubmissionArchive.unpack(zip, SubmissionLimits.DEFAULT)) {
            assertThat(archive.refused()).containsOnlyKeys("../../escaped.txt", "/etc/evil");
            assertThat(Files.exists(archive.folder().resolve("ok.md"))).isTrue();
            assertThat(archive.folder().getParent().getParent().resolve("escaped.txt")).doesNotExist();
        }
        assertThat(dir.getParent().resolve("escaped.txt")).doesNotExist();
    }

    @Test
    void symbolicLinkInATarGz_isNeverCreated_andACheckNeedingItIsAnErrorNamingIt() throws IOException {
        Path tgz = dir.resolve("bob.tar.gz");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(
                Files.newOutputStream(tgz)))) {
            TarArchiveEntry link = new TarArchiveEntry("report.md", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("/etc/shadow");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }

        try (SubmissionArchive archive = SubmissionArchive.unpack(tgz, SubmissionLimits.DEFAULT)) {
            assertThat(archive.refused()).containsKey("report.md");
            assertThat(archive.folder().resolve("report.md")).doesNotExist();
            Submission submission = Submission.read(archive.folder(), SubmissionLimits.DEFAULT, archive.refused());
            assertThatThrownBy(() -> submission.filesNamed(n -> n.equals("report.md")))
                    .isInstanceOf(UnreadableFileException.class).hasMessageContaining("report.md")
                    .hasMessageNotContaining("shadow");
        }
    }

    @Test
    void zipBomb_stopsAtTheByteCap_withOneLine() throws IOException {
        Path zip = zip(dir.resolve("bomb.zip"), Map.of("a.txt", "0".repeat(4096), "b.txt", "0".repeat(4096)));
        SubmissionLimits small = new SubmissionLimits(100, 1024, 5000, 1024, 32);

        assertThatThrownBy(() -> SubmissionArchive.unpack(zip, small)).isInstanceOf(LabctlException.class)
                .hasMessage("submission archive bomb.zip holds more than 4.9 KiB unpacked; it was not graded on files");
    }

    @Test
    void tooManyEntries_isOverTheCap() throws IOException {
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            many.put("f" + i, "x");
        }
        Path zip = zip(dir.resolve("many.zip"), many);

        assertThatThrownBy(() -> SubmissionArchive.unpack(zip, new SubmissionLimits(3, 1024, 1 << 20, 1024, 32)))
                .hasMessageContaining("holds more than 3 entries");
    }

    @Test
    void notAnArchive_isOneLineSayingSo_notAnEmptySubmission() throws IOException {
        Path zip = Files.writeString(dir.resolve("broken.zip"), "not a zip at all");

        assertThatThrownBy(() -> SubmissionArchive.unpack(zip, SubmissionLimits.DEFAULT))
                .isInstanceOf(LabctlException.class)
                .hasMessage("cannot unpack submission archive " + zip + ": no entries found; it is not a readable zip"
                        + " archive");
    }

    @Test
    void open_missingFolderWithAZipBesideIt_isThatZip() throws IOException {
        Path reference = SubmissionFixture.reference(dir.resolve("src")).dir;
        zip(dir.resolve("carol.zip"), filesOf(reference, ""));
        java.util.List<SubmissionArchive> unpacked = new java.util.ArrayList<>();

        Submission submission = Submission.open(dir.resolve("carol"), unpacked::add);

        assertThat(submission.files()).contains("spark.yaml", "report.md");
        assertThat(unpacked).hasSize(1);
        unpacked.forEach(SubmissionArchive::close);
    }

    static Map<String, String> filesOf(Path folder, String prefix) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(prefix + folder.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        }
        return files;
    }

    static Path zip(Path file, Map<String, String> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putArchiveEntry(new ZipArchiveEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeArchiveEntry();
            }
        }
        return file;
    }
}
