package io.labctl.grading.report;

import io.labctl.grading.checks.CheckStatus;

/** One-character marks for people reading a report; the same in the terminal and in Markdown. */
final class StatusMarks {
    private StatusMarks() {
    }

    static String mark(CheckStatus status) {
        return switch (status) {
            case PASSED -> "✔";
            case PARTIAL -> "½";
            case FAILED -> "✘";
            // Not the student's fault: a person must look, so it stands out from a plain failure.
            case ERROR -> "!";
            case SKIPPED -> "–";
            case NOT_GRADABLE -> "?";
            case PENDING -> "…";
        };
    }
}
