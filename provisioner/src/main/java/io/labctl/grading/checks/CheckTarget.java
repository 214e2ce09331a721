package io.labctl.grading.checks;

/** What a check inspects; decides when it is not gradable. */
public enum CheckTarget {
    /** A live cluster through its API server (read-only). */
    CLUSTER,
    /** The submitted files (a folder). */
    FILES,
    /** Both: the live cluster compared with the submitted files; graded only when both are (--part all). */
    CLUSTER_AND_FILES;

    public boolean needsCluster() {
        return this != FILES;
    }

    public boolean needsFiles() {
        return this != CLUSTER;
    }
}
