package io.labctl.core;

import java.time.Duration;

/** Durations the way people (and kubectl's --timeout) write them: 500ms, 45s, 3m, 1m30s, 2h. */
public final class Durations {
    private Durations() {
    }

    public static String format(Duration duration) {
        if (duration.isNegative()) {
            return "-" + format(duration.negated());
        }
        if (duration.toMillis() < 1000) {
            return duration.toMillis() + "ms";
        }
        long seconds = duration.toSeconds();
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        StringBuilder text = new StringBuilder();
        if (h > 0) {
            text.append(h).append('h');
        }
        if (m > 0) {
            text.append(m).append('m');
        }
        if (s > 0 || text.isEmpty()) {
            text.append(s).append('s');
        }
        return text.toString();
    }
}
