package io.labctl.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class TerminalTextTest {

    @Test
    void visible_showsControlCharacters_keepsLineFeedsTabsAndText() {
        assertThat(TerminalText.visible("a\u001b[31mred\u001b[0m\tb\nc\r\u0007\u007f")).isEqualTo("a^[[31mred^[[0m\tb\nc^M^G^?");
        assertThat(TerminalText.visible("pi ≈ 3.14, ü")).isEqualTo("pi ≈ 3.14, ü");
        assertThat(TerminalText.visible("\u009b31m \u202eevil")).isEqualTo("\uFFFD31m \uFFFDevil");
        assertThat(TerminalText.visible(null)).isNull();
    }

    @Test
    void oneLine_foldsLineBreaks_andShowsTheRest() {
        assertThat(TerminalText.oneLine("a\r\nb\nc\u001b")).isEqualTo("a b c^[");
    }
}
