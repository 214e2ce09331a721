package io.labctl.grading.report;

import io.labctl.grading.GradeReport;

import java.math.BigDecimal;

/** Points as every text format shows them: at most two decimals, no trailing zeros ("2", "1.5", "0.33"). */
final class Points {
    private Points() {
    }

    /** {@code 2.0 -> "2"}, {@code 1.50 -> "1.5"}, {@code 0.1 + 0.2 -> "0.3"}; never exponent notation. */
    static String format(double points) {
        return BigDecimal.valueOf(GradeReport.round(points)).stripTrailingZeros().toPlainString();
    }

    /** "1.5/3": points earned of points available. */
    static String of(double points, double maxPoints) {
        return format(points) + "/" + format(maxPoints);
    }
}
