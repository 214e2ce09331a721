package io.labctl.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The AGE column as kubectl writes it (its HumanDuration: 45s, 3m12s, 17m, 2h5m, 30h, 3d4h, 12d). */
public final class Ages {
    private Ages() {
    }

    /** The age of an RFC 3339 timestamp from the API server, or "-" when there is none. */
    public static String since(String timestamp, Instant now) {
        if (timestamp == null || timestamp.isBlank()) {
            return "-";
        }
        try {
            return of(Duration.between(Instant.parse(timestamp), now));
        } catch (DateTimeParseException e) {
            return "-";
        }
    }

    static String of(Duration age) {
        long s = Math.max(0, age.getSeconds());
        long m = s / 60;
        long h = m / 60;
        long d = h / 24;
        if (s < 120) {
            return s + "s";
        } else if (m < 10) {
            return m + "m" + (s % 60 == 0 ? "" : s % 60 + "s");
        } else if (h < 3) {
            return m + "m";
        } else if (h < 8) {
            return h + "h" + (m % 60 == 0 ? "" : m % 60 + "m");
        } else if (h < 48) {
            return h + "h";
        } else if (d < 8) {
            return d + "d" + (h % 24 == 0 ? "" : h % 24 + "h");
        }
        return d + "d";
    }
}
