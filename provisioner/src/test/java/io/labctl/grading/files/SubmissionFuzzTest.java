package io.labctl.grading.files;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz tier (coverage-guided, Jazzer): the submission walker on trees a fuzzer builds (files, folders, links to a
 * secret outside, to the root, to /proc, FIFOs), read with small caps so that every cap is hit. Whatever the tree,
 * reading it throws nothing, lists only regular files inside the folder, and neither the secret's content nor its
 * hash comes out; the parsers on top fail only with {@link UnreadableFileException}. An input is a script of
 * {@link TreeScript} lines, so the seeds in {@code SubmissionFuzzTestInputs/} are readable.
 */
class SubmissionFuzzTest {
    private static final String SECRET = "SECRET-0a7d-outside-the-submission";
    private static final SubmissionLimits SMALL = new SubmissionLimits(20, 4096, 64 * 1024, 120, 5);

    @FuzzTest(maxDuration = "30s")
    void walk(byte[] input) throws IOException {
        Path work = Files.createTempDirectory("labctl-fuzz-walk");
        try {
            Path secret = Files.writeString(Files.createDirectories(work.resolve("outside")).resolve("secret.txt"), SECRET);
            Path root = Files.createDirectories(work.resolve("submission"));
            TreeScript.build(new String(input, StandardCharsets.UTF_8), root, secret, SECRET);

            Submission submission = Submission.read(root, SMALL);

            Path realRoot = root.toRealPath();
            assertThat(submission.sha256()).doesNotContainValue(SubmissionTest.sha256(SECRET));
            submission.refused().forEach((file, reason) -> assertThat(reason).doesNotContain(SECRET, "outside"));
            for (String file : submission.sha256().keySet()) {
                Path onDisk = realRoot.resolve(file);
                assertThat(Files.isRegularFile(onDisk, LinkOption.NOFOLLOW_LINKS)).as(file).isTrue();
                assertThat(onDisk.toRealPath()).startsWith(realRoot);
                try {
                    submission.text(file).ifPresent(text -> assertThat(text).doesNotContain(SECRET));
                } catch (UnreadableFileException refused) {
                    assertThat(refused.file()).isEqualTo(file);
                }
            }
            for (Runnable parse : new Runnable[]{() -> Dockerfiles.of(submission), () -> KubeYamlFiles.of(submission)}) {
                try {
                    parse.run();
                } catch (UnreadableFileException refused) {
                    assertThat(refused.getMessage()).doesNotContain(SECRET);
                }
            }
        } finally {
            TreeScript.delete(work);
        }
    }
}
