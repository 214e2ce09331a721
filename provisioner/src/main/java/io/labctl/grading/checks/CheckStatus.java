package io.labctl.grading.checks;

/**
 * How one check ended. The distinction matters to instructors: a student mistake costs points, a
 * grader or cluster fault must be looked at by a person, and a cluster that cannot be reached is not
 * a zero.
 */
public enum CheckStatus {
    /** Full points. */
    PASSED,
    /** Some but not all points (partial credit inside the check). */
    PARTIAL,
    /** A student mistake: no points. */
    FAILED,
    /** The grader could not decide (permission missing, unexpected answer): a person must look. */
    ERROR,
    /** A prerequisite check did not pass, so this one was not run. */
    SKIPPED,
    /** What the check inspects cannot be reached (cluster unreachable, no submission folder). */
    NOT_GRADABLE,
    /** The lab marks the check {@code review: manual}: no points until a person has read what it quotes. */
    PENDING;

    /** Lower case with dashes, as in every report ("not-gradable"). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public boolean passed() {
        return this == PASSED;
    }
}
