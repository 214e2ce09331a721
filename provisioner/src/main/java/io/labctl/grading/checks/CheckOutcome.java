package io.labctl.grading.checks;


/**
 * What a check found. {@code fraction} is the share of the check's points earned (1 = all), so a
 * check can give partial credit without knowing how many points the lab file gives it.
 *
 * @param status   PASSED, PARTIAL, FAILED, ERROR or NOT_GRADABLE (SKIPPED is decided by the runner)
 * @param fraction 0..1
 * @param observed what was seen, for the report: concrete values, names, counts
 * @param hint     a hint specific to what was seen, replacing the lab file's hint; null to use the lab's
 * @param quotes   whether {@code observed} quotes the student's words for a person to review ({@link #quoting()})
 */
public record CheckOutcome(CheckStatus status, double fraction, String observed, String hint, boolean quotes) {

    public CheckOutcome(CheckStatus status, double fraction, String observed, String hint) {
        this(status, fraction, observed, hint, false);
    }

    /**
     * The same outcome, marked as quoting the student's own words (a report's answers): reports then show what was
     * observed whatever the status, so an instructor can review a passed answer too.
     */
    public CheckOutcome quoting() {
        return new CheckOutcome(status, fraction, observed, hint, true);
    }

    public static CheckOutcome pass(String observed) {
        return new CheckOutcome(CheckStatus.PASSED, 1.0, observed, null);
    }

    public static CheckOutcome fail(String observed) {
        return new CheckOutcome(CheckStatus.FAILED, 0.0, observed, null);
    }

    public static CheckOutcome fail(String observed, String specificHint) {
        return new CheckOutcome(CheckStatus.FAILED, 0.0, observed, specificHint);
    }

    /** Partial credit: {@code earned} of {@code of} parts; PASSED when all, FAILED when none. */
    public static CheckOutcome parts(int earned, int of, String observed, String specificHint) {
        if (of <= 0 || earned >= of) {
            return new CheckOutcome(CheckStatus.PASSED, 1.0, observed, null);
        }
        if (earned <= 0) {
            return new CheckOutcome(CheckStatus.FAILED, 0.0, observed, specificHint);
        }
        return new CheckOutcome(CheckStatus.PARTIAL, (double) earned / of, observed, specificHint);
    }

    public static CheckOutcome error(String observed) {
        return new CheckOutcome(CheckStatus.ERROR, 0.0, observed, null);
    }

    public static CheckOutcome notGradable(String observed) {
        return new CheckOutcome(CheckStatus.NOT_GRADABLE, 0.0, observed, null);
    }
}
