package io.labctl.grading.checks;

import io.labctl.grading.files.Submission;
import io.labctl.grading.live.LiveCluster;

import java.util.Optional;

/**
 * What checks grade: a live cluster, a submission folder, or both. One context per student; checks
 * of one student run one after the other, so the live cluster's caches need no locking.
 */
public final class GradingContext {
    private final LiveCluster cluster;
    private final Submission submission;
    private final String clusterUnavailable;
    private final String submissionUnavailable;

    private GradingContext(LiveCluster cluster, String clusterUnavailable, Submission submission,
                           String submissionUnavailable) {
        this.cluster = cluster;
        this.clusterUnavailable = clusterUnavailable;
        this.submission = submission;
        this.submissionUnavailable = submissionUnavailable;
    }

    /**
     * @param cluster               the connected cluster, or null
     * @param clusterUnavailable    why there is no cluster (unreachable, not given), when null
     * @param submission            the read submission, or null
     * @param submissionUnavailable why there is no submission, when null
     */
    public static GradingContext of(LiveCluster cluster, String clusterUnavailable, Submission submission,
                                    String submissionUnavailable) {
        return new GradingContext(cluster, clusterUnavailable, submission, submissionUnavailable);
    }

    public Optional<LiveCluster> cluster() {
        return Optional.ofNullable(cluster);
    }

    public Optional<Submission> submission() {
        return Optional.ofNullable(submission);
    }

    /** Why live checks cannot run ("cluster unreachable: ..."); null when they can. */
    public String clusterUnavailable() {
        return cluster != null ? null : clusterUnavailable;
    }

    /** Why file checks cannot run; null when they can. */
    public String submissionUnavailable() {
        return submission != null ? null : submissionUnavailable;
    }

    /** The live cluster; checks of target CLUSTER only run when there is one. */
    public LiveCluster requireCluster() {
        if (cluster == null) {
            throw new IllegalStateException("a cluster check ran without a cluster: " + clusterUnavailable);
        }
        return cluster;
    }

    /** The submission; checks of target FILES only run when there is one. */
    public Submission requireSubmission() {
        if (submission == null) {
            throw new IllegalStateException("a file check ran without a submission: " + submissionUnavailable);
        }
        return submission;
    }
}
