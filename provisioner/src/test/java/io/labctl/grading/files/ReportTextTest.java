package io.labctl.grading.files;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Tier: unit. */
class ReportTextTest {
    /** The heading pattern the scanner replaced: the oracle for what a heading is, on inputs short enough for it. */
    private static final Pattern FORMER_ATX_HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)[\\s#]*$");

    @Test
    void atxHeading_agreesWithTheFormerPattern_onEveryShortLineOfBlanksHashesAndLetters() {
        // Given 200,000 random lines over the characters that matter (blanks, '#', letters)
        Random random = new Random(42);
        String alphabet = " \t#aC\u000b";
        for (int n = 0; n < 200_000; n++) {
            StringBuilder line = new StringBuilder();
            for (int i = random.nextInt(14); i > 0; i--) {
                line.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            // When both read it, Then they agree on heading or not, its level and its text
            Matcher former = FORMER_ATX_HEADING.matcher(line);
            ReportText.Block scanned = ReportText.atxHeading(1, line.toString());
            String expected = former.matches() ? former.group(1).length() + ":" + former.group(2) : null;
            assertThat(scanned == null ? null : scanned.level() + ":" + scanned.text()).as("'%s'", line).isEqualTo(expected);
        }
    }

    @Test
    void parse_pathologicalHeadingLine_ofOneMegabyte_takesLinearTime() {
        // Given the line that made the former pattern backtrack quadratically: blanks and '#' to the end, then a
        // letter, so that [\\s#]*$ fails after every extension of .*? (200 KB of it took minutes)
        String line = "# a" + " #".repeat(512 * 1024) + "b";

        // When parsed, Then in a fraction of a second (the timeout is a tripwire; the guarantee is that the scanner
        // reads each character at most twice)
        ReportText report = assertTimeoutPreemptively(Duration.ofSeconds(3), () -> ReportText.parse(line + "\nanswer\n"));
        assertThat(report.answer("a", List.of("a #"))).map(ReportText.Answer::text).contains("answer");
    }

    @Test
    void heading_itsAnswerIsEveryParagraphBeforeTheNextHeadingOfItsLevel_subsectionsIncluded() {
        ReportText report = ReportText.parse("""
                ## Scaling
                ### With kubectl only
                kubectl scale deployment/spark-worker --replicas=3
                ## Storage
                ## Destroying
                """);

        assertThat(report.answer("Scaling", List.of("scaling")))
                .contains(new ReportText.Answer(1, "kubectl scale deployment/spark-worker --replicas=3"));
        assertThat(report.answer("Storage", List.of("STORAGE"))).isEmpty();
        assertThat(report.answer("Destroying", List.of("destroy"))).isEmpty();
    }

    @Test
    void question_isFoundUnderItsOwnHeading_notWhereItsKeywordsAppearFirst() {
        // Given "kubectl apply" first in the launch section, then as the heading of the scaling answer
        ReportText report = ReportText.parse("""
                ## Launching
                I ran kubectl apply -f spark.yaml to create everything.
                ## Scaling with kubectl apply
                I changed replicas to 3 in the file and applied it again.
                """);

        // When the scaling question is looked for by its keyword, Then its own section answers it
        assertThat(report.answer("Scaling with kubectl apply and the YAML", List.of("kubectl apply")))
                .contains(new ReportText.Answer(3, "I changed replicas to 3 in the file and applied it again."));
    }

    @Test
    void label_isAnsweredByTheNextParagraph_aLongerParagraphByItself() {
        ReportText report = ReportText.parse("""
                Two clusters:

                Each in its own namespace.

                Storage could go on Ceph, through Rook, as a PersistentVolume every worker mounts.

                Destroying the cluster
                """);

        assertThat(report.answer("Two clusters", List.of("two clusters"))).map(ReportText.Answer::line).contains(1);
        assertThat(report.answer("Storage", List.of("ceph"))).map(ReportText.Answer::line).contains(5);
        assertThat(report.answer("Destroying", List.of("destroying"))).isEmpty();
    }

    @Test
    void fencedCode_belongsToItsParagraph_andSetextUnderlinesMakeHeadings() {
        ReportText report = ReportText.parse("""
                Building the images
                ===================

                ```
                # Storage
                docker build -t base .
                ```
                """);

        assertThat(report.answer("Building", List.of("building"))).map(ReportText.Answer::line).contains(1);
        assertThat(report.answer("Storage", List.of("storage"))).map(ReportText.Answer::text).hasValueSatisfying(
                text -> assertThat(text).startsWith("```"));
    }

    @Test
    void hasSentence_wholeSentencesPass_keywordBagsAndBareCommandsDoNot() {
        assertThat(ReportText.hasSentence("Each cluster runs in its own namespace.")).isTrue();
        assertThat(ReportText.hasSentence("- I scaled with `kubectl scale --replicas=3` and waited.")).isTrue();
        assertThat(ReportText.hasSentence("kubectl apply, replicas, yaml")).isFalse();
        assertThat(ReportText.hasSentence("kubectl scale deployment/spark-worker --replicas=3")).isFalse();
        assertThat(ReportText.hasSentence("Ceph.")).isFalse();
        assertThat(ReportText.hasSentence("```\nThis is code in a fence, not a sentence.\n```")).isFalse();
    }

    @Test
    void quote_isTheAnswersFirstWordsOnOneLine_cutAtTheLimit() {
        ReportText.Answer answer = new ReportText.Answer(3, "First line of it.\n\nSecond line, which goes on and on.");

        assertThat(answer.quote(200)).isEqualTo("First line of it. Second line, which goes on and on.");
        assertThat(answer.quote(20)).isEqualTo("First line of it....");
    }
}
