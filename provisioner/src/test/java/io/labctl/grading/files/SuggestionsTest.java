package io.labctl.grading.files;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class SuggestionsTest {
    @Test
    void closest_aTypo_isSuggested_theClosestFirst() {
        assertThat(Suggestions.closest("sparkmaster", List.of("spark-worker", "spark-master", "spark-master-svc")))
                .contains("spark-master");
    }

    @Test
    void closest_nothingClose_orOnlyTheSameName_isNoSuggestion() {
        assertThat(Suggestions.closest("config", List.of("spark-master-svc"))).isEmpty();
        assertThat(Suggestions.closest("spark", List.of("spark"))).isEmpty();
    }

    @Test
    void distance_isLevenshtein() {
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
        assertThat(Suggestions.distance("same", "same")).isZero();
    }
}
