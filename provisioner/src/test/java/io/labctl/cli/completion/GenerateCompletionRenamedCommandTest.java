package io.labctl.cli.completion;

import io.labctl.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit (in-process CLI). */
class GenerateCompletionRenamedCommandTest {
    @TempDir
    Path home;

    @Test
    void theOldName_printsNoScript_butTheNewCommand_exit2() {
        CliRun run = CliRun.run(home, "generate-completion");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("""
                error: `labctl generate-completion` is now `labctl completion bash|zsh|fish`
                hint: in ~/.bashrc: source <(labctl completion bash); see `labctl completion --help`
                """);
    }
}
