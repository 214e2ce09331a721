package io.labctl.grading.checks;

import java.util.Map;

/**
 * What the runner needs from a student's submitted files, whatever reads them: the evidence for the report. The
 * file checks work on the implementation their package provides ({@link GradingContext#requireSubmission(Class)}).
 */
public interface GradedSubmission {
    /** SHA-256 (hex) of every file read, by relative path. */
    Map<String, String> sha256();

    /** Files not read, by relative path, with the reason. */
    Map<String, String> refused();
}
