package io.labctl.grading.checks;

/**
 * One gradable property of a student's work. Implementations read only: live checks use get, list
 * and watch (and GET through the API server's pod proxy); file checks read the submission folder.
 * A check never throws for a student mistake; it returns FAILED with what it observed.
 */
public interface Check {
    CheckOutcome evaluate(GradingContext context);
}
