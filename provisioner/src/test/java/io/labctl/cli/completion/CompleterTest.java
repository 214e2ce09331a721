package io.labctl.cli.completion;

import io.labctl.cli.completion.Completions.Files;
import io.labctl.cli.completion.ValueSources.Rule;
import io.labctl.cli.spark.SparkScaleCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit (labctl's real command tree; the values of -n and of spark scale NAME from fixed lists). */
class CompleterTest {
    @TempDir
    Path home;

    private final Completer completer = new Completer(new ValueSources(List.of(
            new Rule("option -n", arg -> arg instanceof OptionSpec o && Arrays.asList(o.names()).contains("-n"),
                    lookup -> Completions.of(List.of(Candidate.of("lab"), Candidate.of("default")))),
            new Rule("spark scale NAME", arg -> arg.isPositional() && arg.command().userObject() instanceof SparkScaleCommand,
                    lookup -> Completions.of(List.of(Candidate.of("spark-a"), Candidate.of("spark-b")))))));

    private Completions complete(String... words) {
        return completer.complete(CommandTree.lookup(Map.of(), home, words));
    }

    private List<String> values(String... words) {
        return complete(words).candidates().stream().map(Candidate::value).toList();
    }

    @Test
    void aPartialSubcommand_completesToIt_withItsSummary() {
        Completions completions = complete("spark", "sc");

        assertThat(completions.candidates()).containsExactly(new Candidate("scale",
                "Change the number of workers (up or down) and wait until..."));
        assertThat(completions.files()).isEqualTo(Files.NONE);
    }

    @Test
    void nothingTyped_offersTheVisibleCommands_neverTheHiddenOnes() {
        assertThat(values("")).contains("cluster", "spark", "lab", "grade", "completion", "help")
                .doesNotContain("__complete", "generate-completion");
    }

    @Test
    void aDash_offersTheCommandsOptions_onlyThoseThatStartSo() {
        assertThat(values("spark", "scale", "a", "--w")).containsExactlyInAnyOrder("--workers", "--wait");
        assertThat(values("spark", "scale", "a", "-")).contains("-n", "--namespace", "-o", "--workers", "--no-wait");
    }

    @Test
    void anOptionAlreadyGiven_isNotOfferedAgain_unlessItRepeats() {
        assertThat(values("spark", "scale", "a", "--workers", "3", "--w")).containsExactly("--wait");
        assertThat(values("spark", "list", "-v", "-")).contains("-v", "--verbose");
        assertThat(values("spark", "list", "-q", "-")).doesNotContain("-q", "--quiet");
    }

    @Test
    void oneOptionOfAnExclusiveGroup_hidesTheOthers() {
        assertThat(values("spark", "logs", "a", "--master", "--")).contains("--follow", "--tail")
                .doesNotContain("--all", "--worker", "--master");
    }

    @Test
    void enumValues_comeFromTheModel_alsoAfterEquals() {
        assertThat(values("-o", "")).containsExactly("text", "json", "yaml", "wide", "name");
        assertThat(values("spark", "status", "-o", "")).containsExactly("text", "json", "yaml");
        assertThat(values("spark", "list", "-o", "w")).containsExactly("wide");
        assertThat(values("version", "-")).doesNotContain("-n", "--namespace", "--kubeconfig");
        assertThat(values("spark", "status", "--output=j")).containsExactly("--output=json");
        assertThat(values("cluster", "up", "x", "--provider", "k")).containsExactly("k3s", "kind");
    }

    @Test
    void aCommaList_completesItsLastElement_withoutRepeatingAnEarlierOne() {
        ValueSources standard = ValueSources.standard(ClusterRead.standard());
        Completer real = new Completer(standard);

        assertThat(real.complete(CommandTree.lookup(Map.of(), home, "grade", "--format", "text,j")).candidates())
                .extracting(Candidate::value).containsExactly("text,json", "text,junit");
        assertThat(real.complete(CommandTree.lookup(Map.of(), home, "grade", "--format", "text,")).candidates())
                .extracting(Candidate::value).doesNotContain("text,text").contains("text,csv");
    }

    @Test
    void whenNothingElseFits_theRequiredOptionsAreOffered() {
        assertThat(values("image", "load", "")).containsExactly("--cluster");
        assertThat(values("spark", "scale", "a", "")).containsExactly("--workers");
        assertThat(values("spark", "scale", "a", "--workers", "3", "")).isEmpty();
    }

    @Test
    void aNewName_hasNothingToOffer() {
        assertThat(complete("spark", "deploy", "")).isEqualTo(Completions.NONE);
    }

    @Test
    void fileArguments_askTheShellForFileOrDirectoryNames() {
        assertThat(complete("--kubeconfig", "").files()).isEqualTo(Files.FILES);
        assertThat(complete("spark", "run", "a", "--py", "").files()).isEqualTo(Files.FILES);
        // a submission is a folder or an archive (.zip, .tar.gz)
        assertThat(complete("grade", "--submission", "").files()).isEqualTo(Files.FILES);
        assertThat(complete("-o", "").files()).isEqualTo(Files.NONE);
    }

    @Test
    void theSourceNamedForAnArgument_givesItsValues_filteredByWhatIsTyped() {
        assertThat(values("spark", "scale", "")).containsExactly("spark-a", "spark-b");
        assertThat(values("spark", "scale", "spark-b")).containsExactly("spark-b");
        assertThat(values("-n", "l")).containsExactly("lab");
        assertThat(values("spark", "list", "--namespace=d")).containsExactly("--namespace=default");
    }

    @Test
    void afterDoubleDash_noOptionsAreOffered() {
        assertThat(values("spark", "run", "a", "--", "--")).isEmpty();
        assertThat(values("spark", "run", "a", "--", "")).isEmpty();
    }
}
