package io.labctl.cli;

import io.labctl.spark.access.ShellTerminal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. The terminal switching itself runs in SparkAccessIT, in a real terminal (tmux). */
class RawTerminalTest {

    @Test
    void parseSize_sttyPrintsRowsThenColumns() {
        assertThat(RawTerminal.parseSize("45 150\n")).contains(new ShellTerminal.Size(150, 45));
    }

    @Test
    void parseSize_noTerminalOrGarbage_isEmpty() {
        assertThat(RawTerminal.parseSize("")).isEmpty();
        assertThat(RawTerminal.parseSize("0 0")).isEmpty();
        assertThat(RawTerminal.parseSize("stty: standard input")).isEmpty();
    }
}
