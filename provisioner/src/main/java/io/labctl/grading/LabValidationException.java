package io.labctl.grading;

import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;

/** A lab file or roster that does not follow the schema; the message names the file and the field. */
public final class LabValidationException extends LabctlException {
    private static final long serialVersionUID = 1L;

    public LabValidationException(String message) {
        super(ExitCode.USAGE, message, "fix the file; the format is described in labs/README.md");
    }

    /** With a hint more specific than "fix the file". */
    public LabValidationException(String message, String hint) {
        super(ExitCode.USAGE, message, hint);
    }
}
