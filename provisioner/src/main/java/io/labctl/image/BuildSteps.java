package io.labctl.image;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads which Dockerfile step a build is at from its output, for the progress bar: the classic builder's
 * "Step 3/9 : RUN ..." and BuildKit's plain "#7 [base 3/9] RUN ..." (the stage name is optional).
 */
final class BuildSteps {
    private static final Pattern CLASSIC = Pattern.compile("^Step (\\d+)/(\\d+) : (.*)$");
    private static final Pattern BUILDKIT = Pattern.compile("^#\\d+ \\[(?:[^\\]\\s]+ )?(\\d+)/(\\d+)\\] (.*)$");

    /** Step {@code done} of {@code total} started; {@code instruction} is the Dockerfile line. */
    record Step(int done, int total, String instruction) {
    }

    private BuildSteps() {
    }

    static Optional<Step> parse(String line) {
        for (Pattern pattern : new Pattern[] {CLASSIC, BUILDKIT}) {
            Matcher m = pattern.matcher(line.strip());
            if (m.matches()) {
                try {
                    return Optional.of(new Step(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3)));
                } catch (NumberFormatException e) {
                    return Optional.empty(); // a number too long for an int is no step count
                }
            }
        }
        return Optional.empty();
    }
}
