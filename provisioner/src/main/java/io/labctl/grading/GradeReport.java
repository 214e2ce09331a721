package io.labctl.grading;

import io.labctl.grading.checks.CheckStatus;
import java.time.Instant;
import java.util.List;

/**
 * One student's grade for one lab (or some exercises of it).
 *
 * @param student         roster id, or null for a single `labctl grade` / `labctl lab check`
 * @param lab             lab name
 * @param labTitle        lab title
 * @param gradedAt        when grading started
 * @param millis          total grading time
 * @param checks          every check, in lab order
 * @param notGradable     why (part of) the student's work could not be graded; null when all of it was
 * @param fingerprint     evidence of what was graded
 */
public record GradeReport(String student, String lab, String labTitle, Instant gradedAt, long millis,
                          List<CheckResult> checks, String notGradable, Fingerprint fingerprint) {
    public GradeReport {
        checks = List.copyOf(checks);
        fingerprint = fingerprint == null ? Fingerprint.empty() : fingerprint;
    }

    public double score() {
        return round(checks.stream().mapToDouble(CheckResult::points).sum());
    }

    public double maxScore() {
        return round(checks.stream().mapToDouble(CheckResult::maxPoints).sum());
    }

    public boolean gradable() {
        return notGradable == null;
    }

    public long count(CheckStatus status) {
        return checks.stream().filter(c -> c.status() == status).count();
    }

    /** Scores are shown with at most two decimals everywhere; summing fractions must not print 7.000000001. */
    public static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
