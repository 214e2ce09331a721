package io.labctl.grading.files;

import java.nio.file.Path;

/** The reference submission of {@link SubmissionFixture}, for tests outside this package (grading ITs). */
public final class ReferenceSubmission {
    private ReferenceSubmission() {
    }

    /** Writes the reference submission (full marks on every file check) into {@code dir}; returns it. */
    public static Path write(Path dir) {
        return SubmissionFixture.reference(dir).dir;
    }

    /** The reference with {@code yaml} as spark.yaml and its commented copy (the YAML a cluster was built from). */
    public static Path withYaml(Path dir, String yaml) {
        return SubmissionFixture.reference(dir).writeYaml(yaml).dir;
    }

    /** The reference with {@code from}, which the file must contain, replaced by {@code to} in one file. */
    public static Path withReplaced(Path dir, String relative, String from, String to) {
        return SubmissionFixture.reference(dir).replace(relative, from, to).dir;
    }

    /** The reference submission as a .zip (as Moodle or Canvas hands it out), its files under {@code top/}. */
    public static Path zip(Path work, Path file, String top) throws java.io.IOException {
        Path folder = SubmissionFixture.reference(work.resolve(file.getFileName() + ".d")).dir;
        return SubmissionArchiveTest.zip(file, SubmissionArchiveTest.filesOf(folder, top));
    }

    /** The reference submission as a .tar.gz. */
    public static Path tarGz(Path work, Path file) throws java.io.IOException {
        Path folder = SubmissionFixture.reference(work.resolve(file.getFileName() + ".d")).dir;
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
                new org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream(
                        java.nio.file.Files.newOutputStream(file)))) {
            for (var e : SubmissionArchiveTest.filesOf(folder, "").entrySet()) {
                byte[] bytes = e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(e.getKey());
                entry.setSize(bytes.length);
                tar.putArchiveEntry(entry);
                tar.write(bytes);
                tar.closeArchiveEntry();
            }
        }
        return file;
    }

    /** The reference with the same replacement in spark.yaml and its commented copy. */
    public static Path withReplacedInYaml(Path dir, String from, String to) {
        return SubmissionFixture.reference(dir).replaceInYaml(from, to).dir;
    }
}
