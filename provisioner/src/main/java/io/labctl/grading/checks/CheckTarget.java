package io.labctl.grading.checks;

/** What a check inspects; decides when it is not gradable. */
public enum CheckTarget {
    /** A live cluster through its API server (read-only). */
    CLUSTER,
    /** The submitted files (a folder). */
    FILES
}
