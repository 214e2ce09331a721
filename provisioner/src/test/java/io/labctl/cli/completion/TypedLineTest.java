package io.labctl.cli.completion;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit (labctl's real picocli model, in-process). */
class TypedLineTest {
    @TempDir
    static Path home;
    static CommandSpec root;

    @BeforeAll
    static void tree() {
        root = CommandTree.root(Map.of(), home);
    }

    private static TypedLine read(String... words) {
        return TypedLine.read(root, List.of(words));
    }

    @Test
    void subcommands_leadToTheDeepestCommand_theLastWordIsTheCurrentOne() {
        TypedLine line = read("spark", "scale", "sp");

        assertThat(line.command().qualifiedName()).isEqualTo("labctl spark scale");
        assertThat(line.positionals()).isEmpty();
        assertThat(line.current()).isEqualTo("sp");
    }

    @Test
    void noWords_isTheRootWithAnEmptyCurrentWord() {
        TypedLine line = read();

        assertThat(line.command()).isSameAs(root);
        assertThat(line.current()).isEmpty();
        assertThat(line.awaitingValue()).isEmpty();
    }

    @Test
    void optionValues_inEveryForm_anywhereOnTheLine_areRead() {
        assertThat(read("-n", "lab", "spark", "scale", "").value("--namespace")).hasValue("lab");
        assertThat(read("spark", "scale", "--namespace=lab", "").value("--namespace")).hasValue("lab");
        assertThat(read("spark", "scale", "-nlab", "").value("--namespace")).hasValue("lab");
        assertThat(read("spark", "scale", "-n=lab", "").value("--namespace")).hasValue("lab");
        assertThat(read("spark", "scale", "-qn", "lab", "").value("--namespace")).hasValue("lab");
    }

    @Test
    void anOptionThatTakesAValue_makesTheCurrentWordItsValue() {
        TypedLine line = read("spark", "scale", "a", "--wait", "");

        assertThat(line.awaitingValue()).map(o -> o.longestName()).hasValue("--wait");
        assertThat(line.positionals()).containsExactly("a");
    }

    @Test
    void flags_takeNoValue_soTheNextWordIsPositional() {
        TypedLine line = read("spark", "teardown", "--keep-data", "spark-a", "");

        assertThat(line.awaitingValue()).isEmpty();
        assertThat(line.positionals()).containsExactly("spark-a");
        assertThat(line.given(root.subcommands().get("spark").getSubcommands().get("teardown").getCommandSpec()
                .findOption("--keep-data"))).isTrue();
    }

    @Test
    void clusteredFlags_areEachGiven() {
        TypedLine line = read("spark", "list", "-qv", "");
        CommandSpec list = line.command();

        assertThat(line.given(list.findOption("-q"))).isTrue();
        assertThat(line.given(list.findOption("-v"))).isTrue();
        assertThat(line.given(list.findOption("-A"))).isFalse();
    }

    @Test
    void afterDoubleDash_everyWordIsPositional_evenOneNamedLikeAnOption() {
        TypedLine line = read("spark", "run", "a", "--", "--py", "");

        assertThat(line.endOfOptions()).isTrue();
        assertThat(line.awaitingValue()).isEmpty();
        assertThat(line.positionals()).containsExactly("a", "--py");
    }

    @Test
    void aWordAfterAPositional_isNotASubcommand() {
        TypedLine line = read("help", "spark", "deploy", "");

        assertThat(line.command().qualifiedName()).isEqualTo("labctl help");
        assertThat(line.positionals()).containsExactly("spark", "deploy");
    }

    @Test
    void unknownOptions_arePassedOver_notAnError() {
        TypedLine line = read("spark", "--nonsense", "-Z", "scale", "");

        assertThat(line.command().qualifiedName()).isEqualTo("labctl spark scale");
        assertThat(line.awaitingValue()).isEmpty();
    }

    @Test
    void negativeNumbers_areValues_notOptions() {
        assertThat(TypedLine.looksLikeOption("-5")).isFalse();
        assertThat(TypedLine.looksLikeOption("-")).isFalse();
        assertThat(TypedLine.looksLikeOption("-n")).isTrue();
        assertThat(read("spark", "logs", "a", "--tail", "-5", "").awaitingValue()).isEmpty();
    }
}
