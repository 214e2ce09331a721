package io.labctl.core;

/**
 * The one exception type that carries an exit status to the command line. The message is a single
 * line saying what is wrong; the hint is the next step the user should take (may be null).
 */
public class LabctlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;
    private final String hint;

    public LabctlException(ExitCode exitCode, String message, String hint) {
        super(message);
        this.exitCode = exitCode;
        this.hint = hint;
    }

    public LabctlException(ExitCode exitCode, String message, String hint, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.hint = hint;
    }

    public static LabctlException usage(String message, String hint) {
        return new LabctlException(ExitCode.USAGE, message, hint);
    }

    public static LabctlException notFound(String message, String hint) {
        return new LabctlException(ExitCode.NOT_FOUND, message, hint);
    }

    public static LabctlException precondition(String message, String hint) {
        return new LabctlException(ExitCode.PRECONDITION, message, hint);
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    public String hint() {
        return hint;
    }
}
