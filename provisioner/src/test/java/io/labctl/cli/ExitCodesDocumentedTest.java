package io.labctl.cli;

import io.labctl.core.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit (CLI in-process). The exit codes are written once, in ExitCode; help and README must agree with it. */
class ExitCodesDocumentedTest {
    private static final Path README = Path.of("..", "README.md").toAbsolutePath().normalize();
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| (\\d+) \\|");

    @TempDir
    Path home;

    @Test
    void help_listsEveryExitCodeWithItsMeaning() {
        CliRun help = CliRun.run(home, "--help");

        String flat = help.out().replaceAll("\\s+", " ");
        for (ExitCode code : ExitCode.values()) {
            assertThat(flat).contains(code.status() + " " + code.meaning());
        }
    }

    @Test
    void readme_exitCodeTable_hasExactlyTheCodesOfExitCode() throws IOException {
        List<Integer> documented = Files.readAllLines(README).stream()
                .dropWhile(line -> !line.startsWith("| code | meaning |"))
                .takeWhile(line -> line.startsWith("|"))
                .map(TABLE_ROW::matcher).filter(Matcher::find).map(m -> Integer.parseInt(m.group(1))).toList();

        assertThat(documented).containsExactlyElementsOf(Arrays.stream(ExitCode.values()).map(ExitCode::status).toList());
    }
}
