package io.labctl.cli.completion;

import io.labctl.cli.completion.Completions.Files;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class CompletionsTest {

    private static String printed(Completions completions) {
        StringWriter out = new StringWriter();
        completions.print(new PrintWriter(out));
        return out.toString();
    }

    @Test
    void print_candidatesOnePerLine_thenTheDirective_onlyWhenThereIsOne() {
        assertThat(printed(Completions.of(List.of(Candidate.of("a"), new Candidate("b", "the b"))))).isEqualTo("a\nb\tthe b\n");
        assertThat(printed(Completions.of(List.of(Candidate.of("x"))).plus(Completions.files(Files.DIRS))))
                .isEqualTo("x\n:dirs\n");
        assertThat(printed(Completions.NONE)).isEmpty();
    }

    @Test
    void plus_keepsTheWiderDirective_filesIncludeDirectories() {
        assertThat(Completions.files(Files.DIRS).plus(Completions.files(Files.FILES)).files()).isEqualTo(Files.FILES);
        assertThat(Completions.files(Files.FILES).plus(Completions.NONE).files()).isEqualTo(Files.FILES);
        assertThat(Completions.NONE.plus(Completions.files(Files.DIRS)).files()).isEqualTo(Files.DIRS);
    }

    @Test
    void prefixed_putsTheTypedHeadBeforeEachValue() {
        Completions formats = Completions.of(List.of(Candidate.of("json"), new Candidate("yaml", "y")));

        assertThat(formats.prefixed("--output=").candidates()).containsExactly(Candidate.of("--output=json"),
                new Candidate("--output=yaml", "y"));
        assertThat(formats.prefixed("")).isSameAs(formats);
    }
}
