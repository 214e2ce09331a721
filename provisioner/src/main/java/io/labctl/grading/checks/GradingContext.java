package io.labctl.grading.checks;

import java.util.Optional;

/**
 * What checks grade: a live cluster, a submission, or both. One context per student; checks of one student run one
 * after the other, so the live cluster's caches need no locking.
 *
 * <p>This package is the contract between the runner and the checks and depends on neither: the cluster and the
 * submission are seen through {@link GradedCluster} and {@link GradedSubmission}, and a check asks for the
 * implementation it was written against ({@code Submission.of(context)} in the file checks' package).
 */
public final class GradingContext {
    private final GradedCluster cluster;
    private final GradedSubmission submission;
    private final String clusterUnavailable;
    private final String submissionUnavailable;
    /** What the runner lends the checks beyond cluster and submission (a manifest validator), by type. */
    private final java.util.Map<Class<?>, Object> services = new java.util.HashMap<>();

    private GradingContext(GradedCluster cluster, String clusterUnavailable, GradedSubmission submission,
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
    public static GradingContext of(GradedCluster cluster, String clusterUnavailable, GradedSubmission submission,
                                    String submissionUnavailable) {
        return new GradingContext(cluster, clusterUnavailable, submission, submissionUnavailable);
    }

    public Optional<GradedCluster> cluster() {
        return Optional.ofNullable(cluster);
    }

    public Optional<GradedSubmission> submission() {
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

    /** Lends the checks a service (one per type); returns this context. */
    public <T> GradingContext with(Class<T> type, T service) {
        services.put(type, type.cast(service));
        return this;
    }

    /** The service of {@code type} the runner lent, if any. */
    public <T> Optional<T> service(Class<T> type) {
        return Optional.ofNullable(type.cast(services.get(type)));
    }

    /** The live cluster as {@code type}; checks of target CLUSTER only run when there is one. */
    public <T extends GradedCluster> T requireCluster(Class<T> type) {
        if (cluster == null) {
            throw new IllegalStateException("a cluster check ran without a cluster: " + clusterUnavailable);
        }
        return type.cast(cluster);
    }

    /** The submission as {@code type}; checks of target FILES only run when there is one. */
    public <T extends GradedSubmission> T requireSubmission(Class<T> type) {
        if (submission == null) {
            throw new IllegalStateException("a file check ran without a submission: " + submissionUnavailable);
        }
        return type.cast(submission);
    }
}
