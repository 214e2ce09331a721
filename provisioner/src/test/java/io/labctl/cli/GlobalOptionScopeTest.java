package io.labctl.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier: unit (CLI in-process, no cluster). Global options appear only where they do something, -o wide|name only on
 * lists, and one given where it would be ignored is a usage error (2) before anything runs.
 */
class GlobalOptionScopeTest {
    @TempDir
    Path home;

    @Test
    void helpOfACommand_offersOnlyTheGlobalOptionsItUses() {
        String labShow = CliRun.run(home, "lab", "show", "--help").out();
        String version = CliRun.run(home, "version", "--help").out();
        String deploy = CliRun.run(home, "spark", "deploy", "--help").out();
        String list = CliRun.run(home, "spark", "list", "--help").out();

        assertThat(labShow).contains("--namespace", "--output").doesNotContain("--kubeconfig", "--context", "--part");
        assertThat(version).contains("--output").doesNotContain("--namespace", "--kubeconfig");
        assertThat(deploy).contains("--kubeconfig", "--namespace", "Result format: text, json, yaml (default")
                .doesNotContain("wide");
        assertThat(list).contains("text, json, yaml, wide, name");
        assertThat(version).contains("--quiet", "--no-color", "--verbose");
    }

    @Test
    void aGlobalOptionACommandDoesNotUse_isRefused_afterOrBeforeItsName() {
        CliRun after = CliRun.run(home, "version", "-n", "lab");
        CliRun before = CliRun.run(home, "-n", "lab", "version");
        CliRun output = CliRun.run(home, "-o", "json", "spark", "logs", "spark-a");

        assertThat(after.status()).isEqualTo(2);
        assertThat(after.err()).startsWith("error: `labctl version` does not use -n/--namespace; leave it out");
        assertThat(before.status()).isEqualTo(2);
        assertThat(before.err()).startsWith("error: `labctl version` does not use -n/--namespace; leave it out");
        assertThat(output.status()).isEqualTo(2);
        assertThat(output.err()).startsWith("error: `labctl spark logs` does not use -o/--output");
    }

    @Test
    void wideOrName_offAList_isRefusedBeforeAnythingRuns() {
        CliRun deploy = CliRun.run(home, "spark", "deploy", "spark-a", "--dry-run", "-o", "wide");

        assertThat(deploy.status()).isEqualTo(2);
        assertThat(deploy.out()).isEmpty();
        assertThat(deploy.err()).startsWith("error: -o wide is for lists");
    }

    @Test
    void labList_wideAndName_likeKubectlGet() {
        CliRun wide = CliRun.run(home, "lab", "list", "-o", "wide");
        CliRun name = CliRun.run(home, "lab", "list", "-o", "name");

        assertThat(wide.status()).isZero();
        assertThat(wide.out()).startsWith("LAB          ID     POINTS   TITLE\n").contains("spark-k8s    ex3    ");
        assertThat(name.out()).isEqualTo("spark-k8s\n");
    }

    @Test
    void mistypedShortOption_getsNoGuess_mistypedLongOption_getsTheClosest() {
        CliRun shortOption = CliRun.run(home, "spark", "deploy", "a", "-x");
        CliRun longOption = CliRun.run(home, "spark", "deploy", "a", "--worker-mem", "1g");

        assertThat(shortOption.err()).contains("hint: see `labctl spark deploy --help`");
        assertThat(longOption.err()).contains("did you mean `labctl spark deploy --worker-memory`?");
    }
}
