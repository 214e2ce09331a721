package io.labctl.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class SuggestionsTest {

    @Test
    void closest_swappedLettersCountOnce_andOnlyTheBestAreKept() {
        List<String> commands = List.of("cluster", "image", "spark", "lab", "grade", "version", "help");

        assertThat(Suggestions.closest("sprak", commands)).containsExactly("spark");
        assertThat(Suggestions.closest("clster", commands)).containsExactly("cluster");
        assertThat(Suggestions.closest("grad", commands)).containsExactly("grade");
        assertThat(Suggestions.closest("frobnicate", commands)).isEmpty();
    }

    @Test
    void distance_isOptimalStringAlignment() {
        assertThat(Suggestions.distance("spark", "spark")).isZero();
        assertThat(Suggestions.distance("sprak", "spark")).isEqualTo(1);
        assertThat(Suggestions.distance("--wokers", "--workers")).isEqualTo(1);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
    }
}
