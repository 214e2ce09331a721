package io.labctl.core;

/**
 * The documented exit statuses of every labctl command. Scripts and graders rely on these numbers,
 * so they never change meaning; new failure kinds get new numbers.
 */
public enum ExitCode {
    /** The command did what was asked. */
    OK(0, "success"),
    /** A bug or an unexpected failure inside labctl; run again with -v and report it. */
    INTERNAL(1, "unexpected internal error"),
    /** Invalid command line or input value; nothing was changed. */
    USAGE(2, "invalid command line or input"),
    /** The named cluster, application or object does not exist. */
    NOT_FOUND(3, "not found"),
    /** The Kubernetes API server (or the tool driving the cluster) cannot be reached. */
    UNREACHABLE(4, "cluster unreachable"),
    /** The identity in the kubeconfig lacks a permission the command needs; nothing was changed. */
    FORBIDDEN(5, "permission denied"),
    /** Waiting for readiness ran out of time; the objects exist and are described in the message. */
    TIMEOUT(6, "timed out waiting"),
    /** The cluster is not in a state that allows the command (missing image, foreign object, ...). */
    PRECONDITION(7, "precondition failed"),
    /** A Spark job ran and did not finish successfully. */
    JOB_FAILED(8, "job failed"),
    /** {@code labctl lab check}: some checks of the student's work did not pass (the report says which). */
    CHECKS_FAILED(9, "checks did not pass"),
    /** The user interrupted the command (Ctrl-C). */
    INTERRUPTED(130, "interrupted");

    private final int status;
    private final String meaning;

    ExitCode(int status, String meaning) {
        this.status = status;
        this.meaning = meaning;
    }

    public int status() {
        return status;
    }

    public String meaning() {
        return meaning;
    }
}
