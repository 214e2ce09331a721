package io.labctl.grading;

import io.labctl.grading.checks.CheckStatus;
import java.util.List;

/**
 * The outcome of one check of one student, as every report shows it.
 *
 * @param exercise   exercise id ("ex3")
 * @param id         check id, unique in the lab ("ex3.service-7077")
 * @param title      one line for people
 * @param points     points earned (0..maxPoints)
 * @param maxPoints  points available
 * @param status     how the check ended
 * @param observed   what the grader saw (evidence), one or a few lines; never empty
 * @param hint       what to fix; null when the check passed
 * @param tags       free labels from the lab file (e.g. "live", "files")
 * @param visibility Gradescope visibility: visible, hidden, after_due_date, after_published
 * @param millis     time the check took
 * @param quotes     whether {@code observed} quotes the student's words (report answers): shown in every report,
 *                   passed or not, for the instructor to review
 */
public record CheckResult(String exercise, String id, String title, double points, double maxPoints,
                          CheckStatus status, String observed, String hint, List<String> tags, String visibility,
                          long millis, boolean quotes) {
    public CheckResult {
        tags = tags == null ? List.of() : List.copyOf(tags);
        visibility = visibility == null ? "visible" : visibility;
    }

    public CheckResult(String exercise, String id, String title, double points, double maxPoints, CheckStatus status,
                       String observed, String hint, List<String> tags, String visibility, long millis) {
        this(exercise, id, title, points, maxPoints, status, observed, hint, tags, visibility, millis, false);
    }
}
