package io.labctl.cli.completion;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit (labctl's real command tree). */
class ValueSourcesTest {
    @TempDir
    Path home;

    @Test
    void everyEntry_stillFindsItsArgument_soARenameCannotSilentlyEndACompletion() {
        ValueSources sources = ValueSources.standard(ClusterRead.standard());

        assertThat(sources.matchingNothing(CommandTree.root(Map.of(), home))).isEmpty();
    }

    @Test
    void anEntryForAnArgumentThatIsGone_isReported() {
        ValueSources stale = new ValueSources(java.util.List.of(
                new ValueSources.Rule("option --gone", arg -> false, lookup -> Completions.NONE)));

        assertThat(stale.matchingNothing(CommandTree.root(Map.of(), home))).containsExactly("option --gone");
    }
}
