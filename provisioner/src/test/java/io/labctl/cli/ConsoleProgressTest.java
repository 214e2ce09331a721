package io.labctl.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. A bar on a terminal, one plain line per finished part in a log, nothing with -q. */
class ConsoleProgressTest {
    private final StringWriter err = new StringWriter();

    private ConsoleProgress progress(boolean terminal, boolean quiet) {
        return new ConsoleProgress(new PrintWriter(err, true), new Style(false), terminal, quiet);
    }

    @Test
    void terminal_drawsABar_andKeepsItBesideTheStepsOutput() {
        ConsoleProgress p = progress(true, false);
        p.step("docker build -t labctl/spark-base:3.5.7 dockerfiles/base");
        p.counted("RUN apt-get install -y openjdk-11-jre-headless", 5, 20);
        p.update("Setting up openjdk-11-jre-headless ...");

        String[] rewrites = err.toString().split("\r");
        assertThat(rewrites[1]).matches("    \\[\\d+s\\] \\[#####\\.{15}\\] 5/20 RUN apt-get install -y openjdk-11-jre-headless\u001b\\[K");
        assertThat(rewrites[2]).matches("    \\[\\d+s\\] \\[#####\\.{15}\\] 5/20 Setting up openjdk-11-jre-headless \\.\\.\\.\u001b\\[K");
    }

    @Test
    void log_getsOneLinePerFinishedPart_neverABar() {
        ConsoleProgress p = progress(false, false);
        p.step("kind create cluster --name lab1");
        p.counted("Ensuring node image", 1, 7);
        p.counted("Ensuring node image", 1, 7);
        p.counted("Preparing nodes", 2, 7);

        assertThat(err.toString()).doesNotContain("#", "\r")
                .containsOnlyOnce("1/7 Ensuring node image").contains("2/7 Preparing nodes");
    }

    @Test
    void aNewStep_isNotCounted_untilItSaysSo() {
        ConsoleProgress p = progress(false, false);
        p.step("one");
        p.counted("part", 1, 2);
        p.step("two");
        p.update("plain");

        assertThat(err.toString()).contains("] plain").doesNotContain("1/2 plain");
    }

    @Test
    void quiet_printsNothing() {
        ConsoleProgress p = progress(true, true);
        p.step("x");
        p.counted("y", 1, 2);

        assertThat(err.toString()).isEmpty();
    }
}
