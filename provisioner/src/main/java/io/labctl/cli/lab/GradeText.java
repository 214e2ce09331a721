package io.labctl.cli.lab;

import java.util.Locale;

/** Number formatting shared by the lab commands: 2, 1.5, 0.67 (never 2.0 or 0.6666). */
final class GradeText {
    private GradeText() {
    }

    static String points(double value) {
        if (value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.2f", value).replaceAll("0+$", "");
    }
}
