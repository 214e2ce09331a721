package io.labctl.grading.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Unit tier (real files in a temporary folder): a submission is an untrusted tree. Links are reported, never
 * followed; devices and FIFOs are never opened; every cap is a refusal naming the file, never a silent gap.
 */
class SubmissionTest {
    private static final String CANARY = "CANARY-5f1c9e-outside-the-submission";

    @TempDir
    Path tmp;

    private Path submission() throws IOException {
        return Files.createDirectories(tmp.resolve("alice"));
    }

    private Path canary() throws IOException {
        return Files.writeString(tmp.resolve("secret.txt"), CANARY + "\n");
    }

    @Test
    void walk_symlinkToOutsideFile_isRefusedNamingTheLink_neverReadNorHashed() throws IOException {
        // Given report.md -> a file outside the submission
        Path dir = submission();
        Files.writeString(dir.resolve("notes.txt"), "mine");
        Files.createSymbolicLink(dir.resolve("report.md"), canary());

        // When the submission is read
        Submission s = Submission.read(dir);

        // Then the link is refused by name; the target's content and hash appear nowhere
        assertThat(s.files()).containsExactly("notes.txt");
        assertThat(s.refused()).containsOnlyKeys("report.md");
        assertThat(s.refused().get("report.md")).contains("symbolic link").doesNotContain(CANARY, "secret.txt");
        assertThat(s.sha256()).doesNotContainKey("report.md").doesNotContainValue(sha256(CANARY + "\n"));
        assertThatThrownBy(() -> s.text("report.md")).isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("report.md is a symbolic link").hasMessageNotContaining(CANARY);
    }

    @Test
    void filesNamed_aLinkWithTheSoughtName_isAnErrorNamingTheLink() throws IOException {
        // Given k8s/x.yaml -> a file outside, beside a good spark.yaml
        Path dir = submission();
        Files.writeString(dir.resolve("spark.yaml"), "kind: Service\n");
        Files.createDirectories(dir.resolve("k8s"));
        Files.createSymbolicLink(dir.resolve("k8s/x.yaml"), canary());

        // When a check asks for the YAML files, Then it learns that one of them is a link, not that there is none
        Submission s = Submission.read(dir);
        assertThatThrownBy(() -> s.filesNamed(n -> n.endsWith(".yaml")))
                .isInstanceOfSatisfying(UnreadableFileException.class, e -> assertThat(e.file()).isEqualTo("k8s/x.yaml"));
        assertThat(s.filesNamed(n -> n.equals("dockerfile"))).isEmpty();
    }

    @Test
    void walk_symlinkedFolder_isNotDescended() throws IOException {
        // Given a link to a folder outside (holding a Dockerfile)
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("Dockerfile"), "FROM " + CANARY);
        Path dir = submission();
        Files.createSymbolicLink(dir.resolve("base"), outside);

        // When read, Then nothing under the link is read, and since a folder could hold anything, every lookup of
        // files is an error naming the link
        Submission s = Submission.read(dir);
        assertThat(s.sha256()).isEmpty();
        assertThat(s.refused()).containsOnlyKeys("base");
        assertThatThrownBy(s::files).isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("base is a symbolic link");
        assertThatThrownBy(() -> s.filesNamed(n -> n.equals("dockerfile"))).isInstanceOf(UnreadableFileException.class);
    }

    @Test
    void walk_fifo_isRefused_andNeverOpened() throws Exception {
        // Given a FIFO named like the report (opening it for reading would block until someone writes)
        Path dir = submission();
        Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("report.md").toString()).start();
        assumeThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo works here").isTrue();

        // When read (a blocked open would hang this test), Then it is refused as not a regular file
        Submission s = Submission.read(dir);
        assertThat(s.refused().get("report.md")).contains("not a regular file");
        assertThat(s.files()).isEmpty();
    }

    @Test
    void walk_pathLongerThanTheCap_isRefused_notAnException() throws IOException {
        // Given a file 1,100 characters below the submission folder (Linux allows 4,096)
        Path dir = submission();
        Path deep = dir;
        for (int i = 0; i < 11; i++) {
            deep = deep.resolve("d".repeat(99));
        }
        Files.createDirectories(deep);
        Files.writeString(deep.resolve("Dockerfile"), "FROM ubuntu:22.04");

        // When read, Then the folder whose path passes the cap is refused, shown shortened, and lookups fail
        Submission s = Submission.read(dir);
        assertThat(s.sha256()).isEmpty();
        assertThatThrownBy(s::files).isInstanceOf(UnreadableFileException.class);
        assertThat(s.refused()).hasSize(1).allSatisfy((path, reason) -> {
            assertThat(path).endsWith("...").hasSizeLessThan(100);
            assertThat(reason).contains("longer than 1024 characters");
        });
    }

    @Test
    void walk_deeperThanTheCap_isRefused() throws IOException {
        // Given folders 3 deep and a cap of 2
        Path dir = submission();
        Files.createDirectories(dir.resolve("a/b/c"));
        Files.writeString(dir.resolve("a/b/c/Dockerfile"), "FROM ubuntu:22.04");
        Files.writeString(dir.resolve("a/b/ok.txt"), "ok");

        // When read with the cap, Then a/b is read and a/b/c refused, an error for every lookup
        Submission s = Submission.read(dir, new SubmissionLimits(10, 1024, 1024, 1024, 2));
        assertThat(s.sha256()).containsOnlyKeys("a/b/ok.txt");
        assertThat(s.refused()).containsOnlyKeys("a/b/c");
        assertThatThrownBy(s::files).isInstanceOf(UnreadableFileException.class)
                .hasMessage("a/b/c is nested more than 2 folders deep; nothing in it was read");
    }

    @Test
    void walk_moreFilesThanTheCap_makesEveryLookupAnError_notAPartialGrade() throws IOException {
        // Given 5 files and a cap of 3
        Path dir = submission();
        for (int i = 0; i < 5; i++) {
            Files.writeString(dir.resolve("f" + i + ".yaml"), "a: " + i);
        }

        // When read, Then checks cannot pretend to have seen the whole tree
        Submission s = Submission.read(dir, new SubmissionLimits(3, 1024, 1024, 1024, 8));
        assertThatThrownBy(s::files).isInstanceOf(UnreadableFileException.class).hasMessageContaining("more than 3 files");
        assertThatThrownBy(() -> s.filesNamed(n -> true)).isInstanceOf(UnreadableFileException.class);
    }

    @Test
    void walk_totalBytesOverTheCap_laterFilesAreListedAsRefused_notHashed() throws IOException {
        // Given two 600-byte files and a 1,000-byte budget
        Path dir = submission();
        Files.writeString(dir.resolve("a.txt"), "a".repeat(600));
        Files.writeString(dir.resolve("b.txt"), "b".repeat(600));

        // When read, Then one (whichever the file system lists first) is hashed, the other refused with the cap
        Submission s = Submission.read(dir, new SubmissionLimits(10, 1024, 1000, 1024, 8));
        assertThat(s.sha256()).hasSize(1);
        assertThat(s.refused()).hasSize(1).allSatisfy((file, reason) -> {
            assertThat(s.sha256()).doesNotContainKey(file);
            assertThat(reason).contains("more than 1000 bytes");
        });
    }

    @Test
    void text_ofAFileOverTheTextCap_isAnErrorNamingItsSizeAndTheCap() throws IOException {
        // Given a Dockerfile of 3 MiB (hashed, but too large to read as text)
        Path dir = submission();
        Files.writeString(dir.resolve("Dockerfile"), "FROM ubuntu:22.04\n" + "#".repeat(3 * 1024 * 1024));

        // When a check reads it, Then it learns why it cannot, instead of getting nothing
        Submission s = Submission.read(dir);
        assertThat(s.sha256()).containsKey("Dockerfile");
        assertThatThrownBy(() -> s.text("Dockerfile")).isInstanceOf(UnreadableFileException.class)
                .hasMessage("Dockerfile is 3 MiB; files over 2 MiB are not read as text");
    }

    @Test
    void text_fileSwappedForALinkAfterTheWalk_isRefused() throws IOException {
        // Given a submission read while report.md was a plain file
        Path dir = submission();
        Files.writeString(dir.resolve("report.md"), "# Report");
        Submission s = Submission.read(dir);

        // When report.md is replaced by a link to the canary before a check reads it
        Files.delete(dir.resolve("report.md"));
        Files.createSymbolicLink(dir.resolve("report.md"), canary());

        // Then the read is refused, not followed
        assertThatThrownBy(() -> s.text("report.md")).isInstanceOf(UnreadableFileException.class)
                .hasMessageNotContaining(CANARY).hasMessageContaining("no longer a regular file");
    }

    @Test
    void text_hiddenFilesAndZipJunk_areIgnored() throws IOException {
        Path dir = submission();
        Files.writeString(dir.resolve(".env"), "x");
        Files.createDirectories(dir.resolve("__MACOSX/base"));
        Files.writeString(dir.resolve("__MACOSX/base/._Dockerfile"), "x");
        Files.createSymbolicLink(dir.resolve(".hidden-link"), canary());
        Files.writeString(dir.resolve("Dockerfile"), "FROM ubuntu:22.04");

        Submission s = Submission.read(dir);

        assertThat(s.files()).containsExactly("Dockerfile");
        assertThat(s.refused()).isEmpty();
    }

    @Test
    void text_utf16AndBom_areDecoded_randomBytesAreNotText() throws IOException {
        // Given the same Dockerfile as UTF-8 with a BOM, UTF-16 LE and BE with BOMs, and 300 KB of random bytes
        Path dir = submission();
        String text = "FROM ubuntu:22.04\nRUN echo hé\n";
        Files.write(dir.resolve("utf8bom"), concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                text.getBytes(StandardCharsets.UTF_8)));
        Files.write(dir.resolve("utf16le"), concat(new byte[]{(byte) 0xFF, (byte) 0xFE},
                text.getBytes(StandardCharsets.UTF_16LE)));
        Files.write(dir.resolve("utf16be"), concat(new byte[]{(byte) 0xFE, (byte) 0xFF},
                text.getBytes(StandardCharsets.UTF_16BE)));
        byte[] random = new byte[300 * 1024];
        new java.util.Random(13).nextBytes(random);
        Files.write(dir.resolve("random.yaml"), random);

        // When read, Then each text decodes to the same string and the random bytes are not text
        Submission s = Submission.read(dir);
        assertThat(s.text("utf8bom")).contains(text);
        assertThat(s.text("utf16le")).contains(text);
        assertThat(s.text("utf16be")).contains(text);
        assertThat(s.text("random.yaml")).isEmpty();
    }

    @Test
    void memo_buildsOncePerSubmission_andSharesTheValue() throws IOException {
        Submission s = Submission.read(submission());
        AtomicInteger builds = new AtomicInteger();

        String first = s.memo(String.class, () -> "built " + builds.incrementAndGet());
        String second = s.memo(String.class, () -> "built " + builds.incrementAndGet());

        assertThat(first).isSameAs(second).isEqualTo("built 1");
        assertThat(KubeYamlFiles.of(s)).isSameAs(KubeYamlFiles.of(s));
        assertThat(Dockerfiles.of(s)).isSameAs(Dockerfiles.of(s));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
