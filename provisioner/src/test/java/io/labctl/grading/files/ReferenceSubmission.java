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
}
