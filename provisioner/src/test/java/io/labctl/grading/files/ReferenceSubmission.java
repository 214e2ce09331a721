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

    /** The reference with {@code from}, which the file must contain, replaced by {@code to} in one file. */
    public static Path withReplaced(Path dir, String relative, String from, String to) {
        return SubmissionFixture.reference(dir).replace(relative, from, to).dir;
    }

    /** The reference with the same replacement in spark.yaml and its commented copy. */
    public static Path withReplacedInYaml(Path dir, String from, String to) {
        return SubmissionFixture.reference(dir).replaceInYaml(from, to).dir;
    }
}
