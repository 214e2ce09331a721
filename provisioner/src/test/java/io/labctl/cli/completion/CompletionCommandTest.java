package io.labctl.cli.completion;

import io.labctl.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit (in-process CLI). The scripts themselves run in real shells in ShellCompletionIT. */
class CompletionCommandTest {
    @TempDir
    Path home;

    @Test
    void eachShell_getsItsScript_thatAsksLabctlOnEveryTab() {
        CliRun bash = CliRun.run(home, "completion", "bash");
        CliRun zsh = CliRun.run(home, "completion", "zsh");
        CliRun fish = CliRun.run(home, "completion", "fish");

        assertThat(bash.status()).isZero();
        assertThat(bash.out()).contains("complete -F __labctl_complete labctl", "__complete -- ");
        assertThat(zsh.out()).startsWith("#compdef labctl\n").contains("compdef _labctl labctl", "__complete -- ");
        assertThat(fish.out()).contains("complete -c labctl -f -a '(__labctl_complete)'", "__complete -- ");
        assertThat(bash.err() + zsh.err() + fish.err()).isEmpty();
    }

    @Test
    void theShellIsRequired_andOneOfThree() {
        CliRun none = CliRun.run(home, "completion");
        CliRun tcsh = CliRun.run(home, "completion", "tcsh");

        assertThat(none.status()).isEqualTo(2);
        assertThat(none.out()).isEmpty();
        assertThat(tcsh.status()).isEqualTo(2);
        assertThat(tcsh.err()).contains("bash, zsh, fish");
    }

    @Test
    void help_saysHowToEnableItInEachShell() {
        assertThat(CliRun.run(home, "completion", "--help").out()).contains("source <(labctl completion bash)",
                "source <(labctl completion zsh)", "labctl completion fish | source");
    }
}
