package io.labctl.grading.report;

import io.labctl.grading.checks.CheckStatus;
import io.labctl.grading.CheckResult;
import io.labctl.grading.GradeReport;

import java.util.ArrayList;
import java.util.List;

/** The one-line summaries the human-readable formats share. */
final class Summary {
    private Summary() {
    }

    /** "3.5/11". */
    static String score(GradeReport report) {
        return Points.of(report.score(), report.maxScore());
    }

    /** "1 passed, 2 failed, 1 not-gradable": statuses in enum order, those that occur only. */
    static String counts(GradeReport report) {
        List<String> parts = new ArrayList<>();
        for (CheckStatus status : CheckStatus.values()) {
            long count = report.count(status);
            if (count > 0) {
                parts.add(count + " " + status.label());
            }
        }
        return parts.isEmpty() ? "no checks" : String.join(", ", parts);
    }

    /** Failed, partial and error checks come with evidence and a fix; a pass needs neither. */
    static boolean explains(CheckStatus status) {
        return status == CheckStatus.FAILED || status == CheckStatus.PARTIAL || status == CheckStatus.ERROR
                || status == CheckStatus.PENDING;
    }

    /** What a report shows what was observed for: a check that {@link #explains} its status, or quotes the student. */
    static boolean showsObserved(CheckResult check) {
        return explains(check.status()) || check.quotes();
    }
}
