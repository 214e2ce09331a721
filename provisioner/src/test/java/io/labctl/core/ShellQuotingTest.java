package io.labctl.core;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit, and the quoted words read back by a real shell. */
class ShellQuotingTest {

    @Test
    void quote_plainWordsStay_othersAreSingleQuoted() {
        assertThat(ShellQuoting.quote("spark-a")).isEqualTo("spark-a");
        assertThat(ShellQuoting.quote("--set=namespace=lab3")).isEqualTo("--set=namespace=lab3");
        assertThat(ShellQuoting.quote("a b")).isEqualTo("'a b'");
        assertThat(ShellQuoting.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(ShellQuoting.quote("")).isEqualTo("''");
        assertThat(ShellQuoting.quote("$(rm -rf ~)")).isEqualTo("'$(rm -rf ~)'");
    }

    @Test
    void command_isReadBackByBash_asExactlyTheSameWords() throws Exception {
        List<String> words = List.of("spark", "deploy", "-n", "lab 3;touch pwned", "it's", "$HOME", "`id`", "*", "");

        Process bash = new ProcessBuilder("bash", "-c", "printf '%s\\n' " + ShellQuoting.command(words))
                .redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes());

        assertThat(bash.waitFor()).isZero();
        assertThat(out).isEqualTo(String.join("\n", words) + "\n");
    }
}
