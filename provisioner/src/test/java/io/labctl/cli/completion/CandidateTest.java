package io.labctl.cli.completion;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class CandidateTest {

    @Test
    void line_isTheValue_thenATabAndTheDescription() {
        assertThat(Candidate.of("json").line()).isEqualTo("json");
        assertThat(new Candidate("ex1", "First steps").line()).isEqualTo("ex1\tFirst steps");
    }

    @Test
    void aDescription_isOneLine_soItCannotSplitTheScriptsLine() {
        assertThat(new Candidate("a", "two\nlines\tand  tabs ").description()).isEqualTo("two lines and tabs");
        assertThat(new Candidate("a", null).description()).isEmpty();
    }

    @Test
    void aLongDescription_isCutAtAWord_withDots() {
        String description = new Candidate("scale",
                "Change the number of workers (up or down) and wait until the master reports exactly that many ALIVE.")
                .description();

        assertThat(description).isEqualTo("Change the number of workers (up or down) and wait until...");
        assertThat(description.length()).isLessThanOrEqualTo(Candidate.MAX_DESCRIPTION);
    }
}
