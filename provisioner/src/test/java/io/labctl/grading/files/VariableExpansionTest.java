package io.labctl.grading.files;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Tier: unit. */
class VariableExpansionTest {
    private static final Map<String, String> VARS = Map.of("A", "1", "B_2", "two", "EMPTY", "");

    /** The expansion the scanner replaced, kept as the oracle on inputs short enough for it. */
    private static final Pattern FORMER =
            Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?([-+])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    @Test
    void expand_everyNotation_asDockerReadsIt() {
        assertThat(VariableExpansion.expand("$A ${A} ${B_2}x $Ax ${X} $X $ ${ $1", VARS))
                .isEqualTo("1 1 twox $Ax ${X} $X $ ${ $1");
        assertThat(VariableExpansion.expand("${X:-def} ${X-def} ${A:-def} ${EMPTY:-def} ${EMPTY-def}", VARS))
                .isEqualTo("def def 1 def def");
        assertThat(VariableExpansion.expand("${A:+alt} ${X:+alt}| ${A+alt} ${A:x} ${A:} ${A-${B_2}}", VARS))
                .isEqualTo("alt | alt ${A:x} ${A:} 1}"); // a default ends at the first "}", no nesting
    }

    @Test
    void expand_agreesWithTheFormerPattern_onRandomShortTexts() {
        Random random = new Random(7);
        String alphabet = "$${}{}:-+AB_2x ";
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(16); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(VariableExpansion.expand(text.toString(), VARS)).as("'%s'", text).isEqualTo(former(text.toString()));
        }
    }

    @Test
    void expand_nestedDefaultsOfOneMegabyte_takeLinearTime() {
        // Given ${A-${A-${A-... with and without the closing braces (80 KB of the open form took minutes)
        String open = "${A-".repeat(256 * 1024);
        String closed = "${X-".repeat(128 * 1024) + "}".repeat(128 * 1024);

        // When expanded, Then in well under a second (the timeout is a tripwire; the scan is the guarantee: the
        // next '}' is searched for once, not from every "${")
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(3), () -> VariableExpansion.expand(open, VARS)))
                .isEqualTo(open);
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(3), () -> VariableExpansion.expand(closed, VARS)))
                .isEqualTo("${X-".repeat(128 * 1024 - 1) + "}".repeat(128 * 1024 - 1));
    }

    private static String former(String text) {
        return FORMER.matcher(text).replaceAll(m -> Matcher.quoteReplacement(substitute(m)));
    }

    private static String substitute(MatchResult m) {
        String value = VARS.get(m.group(1) != null ? m.group(1) : m.group(4));
        if (m.group(2) == null) {
            return value != null ? value : m.group();
        }
        boolean set = value != null && !value.isEmpty();
        if (m.group(2).equals("-")) {
            return set ? value : m.group(3);
        }
        return set ? m.group(3) : "";
    }
}
