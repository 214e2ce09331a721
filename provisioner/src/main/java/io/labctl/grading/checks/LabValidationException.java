package io.labctl.grading.checks;

import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;

/** A lab file or roster that does not follow the schema; the message names the file and the field. */
public final class LabValidationException extends LabctlException {
    private static final long serialVersionUID = 1L;

    public LabValidationException(String message) {
        super(ExitCode.USAGE, message, "fix the file; the format is described in labs/README.md");
    }

    /** "labs/x.yaml: exercises[2].checks[0]: unknown type ...": the form of every message about a lab file or roster. */
    public static LabValidationException at(String source, String where, String problem) {
        return new LabValidationException(source + ": " + (where.isEmpty() ? "" : where + ": ") + problem);
    }

    /** With a hint more specific than "fix the file". */
    public LabValidationException(String message, String hint) {
        super(ExitCode.USAGE, message, hint);
    }
}
