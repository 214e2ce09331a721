package io.labctl.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as kubectl writes them: 90s, 5m, 1h, 1m30s. */
public final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern PART = Pattern.compile("([0-9]+)([hms])");

    @Override
    public Duration convert(String value) {
        Matcher m = PART.matcher(value);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                break;
            }
            try {
                long n = Long.parseLong(m.group(1));
                total = total.plus(switch (m.group(2)) {
                    case "h" -> Duration.ofHours(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofSeconds(n);
                });
            } catch (NumberFormatException | ArithmeticException tooLong) {
                throw new TypeConversionException("'" + value + "' is longer than any duration labctl can wait");
            }
            end = m.end();
        }
        if (end == 0 || end != value.length() || total.isZero()) {
            throw new TypeConversionException("'" + value + "' is not a duration; use e.g. 90s, 5m or 1h");
        }
        return total;
    }
}
