package io.labctl.grading.files;

/**
 * A submitted file a check needs and the grader would not or could not read: a symbolic link, a device, a file
 * over a {@link SubmissionLimits} cap, one that vanished. The grader turns it into an ERROR of that check naming
 * the file: neither the student's mistake nor something to guess around.
 */
public final class UnreadableFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String reason;

    /**
     * @param file   the path relative to the submission folder ('/' separated)
     * @param reason why it was not read ("is a symbolic link; links are not followed")
     */
    public UnreadableFileException(String file, String reason) {
        super(file + " " + reason);
        this.file = file;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public String reason() {
        return reason;
    }
}
