package io.labctl.grading.report;

import io.labctl.grading.CheckResult;
import io.labctl.grading.checks.CheckStatus;
import io.labctl.grading.Fingerprint;
import io.labctl.grading.GradeReport;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reports for the report writer tests: one check of each status over three exercises, a full fingerprint,
 * and text that breaks naive writers (quotes, {@code <}, {@code &}, {@code |}, commas, newlines, a terminal
 * escape, non-ASCII).
 */
final class TestReports {
    static final String STUDENT = "o'neil, \"jo\" <ü>";
    static final String LAB = "spark-k8s";
    static final String LAB_TITLE = "Spark on Kubernetes & \"friends\" <2>";
    static final Instant GRADED_AT = Instant.parse("2026-11-23T11:43:23Z");
    static final String NOT_GRADABLE = "submission folder missing: no files under submission/ <none>";
    static final String CLUSTER_UID = "3f6c1b2a-9d4e-4c1a-8b7e-0a1b2c3d4e5f";

    static final CheckResult PASSED = check("ex1", "ex1.cluster-up", "Cluster is up, 1 master + 2 workers",
            2, 2, CheckStatus.PASSED, "3 nodes Ready: lab-master, lab-worker-1, lab-worker-2", null, 120);
    static final CheckResult PARTIAL = check("ex1", "ex1.workers", "Three Spark workers | alive",
            1.5, 3, CheckStatus.PARTIAL, "2 of 3 workers ALIVE\nworker-3: <pending> & \"waiting\"",
            "Scale to 3: kubectl scale deployment spark-worker --replicas=3, then wait | check", 340);
    static final CheckResult FAILED = check("ex2", "ex2.service-7077", "Service spark-master on port 7077",
            0, 2, CheckStatus.FAILED, "ports 7070, 8080 – not 7077; naïve selector app=spärk",
            "Set port: 7077 in \"service.yaml\" (and targetPort); see the <Service> section", 45);
    static final CheckResult ERROR = check("ex2", "ex2.master-json", "Spark master /json/ answers",
            0, 1, CheckStatus.ERROR, "403 Forbidden \u001b[31mpods/proxy\u001b[0m <forbidden>",
            "The grader lacks RBAC for pods/proxy: ask the instructor", 2005);
    static final CheckResult SKIPPED = check("ex3", "ex3.spark-pi", "SparkPi prints Pi ≈ 3.14",
            0, 2, CheckStatus.SKIPPED, "ex2.service-7077 did not pass", "Fix ex2.service-7077 first", 0);
    /** The one check with its own tags and Gradescope visibility. */
    static final CheckResult NOT_GRADABLE_CHECK = new CheckResult("ex3", "ex3.dockerfile",
            "Dockerfile pins its base image", 0, 1, CheckStatus.NOT_GRADABLE, "no submission folder",
            "Hand in your files under submission/", List.of("files", "hadolint"), "after_published", 1);

    /** In lab order, one check of each status. */
    static final List<CheckResult> CHECKS = List.of(PASSED, PARTIAL, FAILED, ERROR, SKIPPED, NOT_GRADABLE_CHECK);

    static final Fingerprint FINGERPRINT = new Fingerprint(CLUSTER_UID, "https://127.0.0.1:6443", "k3s-lab",
            List.of("lab-master", "lab-worker-1", "lab-worker-2"),
            Map.of("Dockerfile", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                    "manifests/spark|master, \"v2\".yaml",
                    "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"),
            Map.of("spark/lab", "{\"status\":\"ALIVE\",\"aliveworkers\":2}"));

    private TestReports() {
    }

    /** One check of each status; not gradable in part (the submission folder is missing). */
    static GradeReport mixed() {
        return new GradeReport(STUDENT, LAB, LAB_TITLE, GRADED_AT, 2511, CHECKS, NOT_GRADABLE, FINGERPRINT);
    }

    /** Every check of {@link #CHECKS} passed with full points. */
    static GradeReport allPassed(String student) {
        List<CheckResult> passed = CHECKS.stream()
                .map(c -> check(c.exercise(), c.id(), c.title(), c.maxPoints(), c.maxPoints(), CheckStatus.PASSED,
                        "as expected", null, 10))
                .toList();
        return new GradeReport(student, LAB, LAB_TITLE, GRADED_AT, 60, passed, null, FINGERPRINT);
    }

    /** The cluster could not be reached: every check is not gradable. */
    static GradeReport unreachable(String student) {
        List<CheckResult> none = CHECKS.stream()
                .map(c -> check(c.exercise(), c.id(), c.title(), 0, c.maxPoints(), CheckStatus.NOT_GRADABLE,
                        "connection refused", "Start your cluster: labctl cluster up", 0))
                .toList();
        return new GradeReport(student, LAB, LAB_TITLE, GRADED_AT, 10, none,
                "cluster unreachable: https://10.0.0.9:6443, connection refused", Fingerprint.empty());
    }

    static CheckResult check(String exercise, String id, String title, double points, double maxPoints,
                             CheckStatus status, String observed, String hint, long millis) {
        return new CheckResult(exercise, id, title, points, maxPoints, status, observed, hint,
                List.of("live", exercise), "visible", millis);
    }

    /** What {@code writer} writes for {@code report}. */
    static String render(ReportWriter writer, GradeReport report) {
        StringWriter out = new StringWriter();
        try {
            writer.write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
