package io.labctl.grading.files;

import io.labctl.grading.checks.CheckStatus;
import io.labctl.grading.checks.LabValidationException;
import io.labctl.grading.checks.CheckOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Tier: unit. */
class ReportSectionsCheckTest {
    static final String TYPE = "report-sections";
    static final Map<String, Object> SECTIONS = Map.of("sections", SubmissionFixture.SECTIONS);
    static final String TWO_CLUSTERS = SubmissionFixture.REPORT.substring(
            SubmissionFixture.REPORT.indexOf("### Two Spark clusters"), SubmissionFixture.REPORT.indexOf("### Storage"));

    @TempDir
    Path dir;

    @Test
    void reference_passes_namingTheLineOfEachAnswer_andQuotingIt() {
        CheckOutcome outcome = SubmissionFixture.reference(dir).run(TYPE, SECTIONS);

        assertThat(outcome.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(outcome.observed()).startsWith("report.md: answered Build the images (line 3: \"The base image")
                .contains("Scale with kubectl only (line 28: \"`kubectl scale deployment/spark-worker --replicas=3`, and"
                        + " `--replicas=1` to scale down.\")")
                .contains(", Destroy the cluster (line 32: \"`kubectl delete -f spark.yaml` removes both Deployments"
                        + " and the Service.\"), Two Spark clusters (line 36: ")
                .endsWith("Storage (line 42: \"Pods lose their files when they restart: input data and results belong on"
                        + " a PersistentVolume (hostPath on minikube, C...\")");
    }

    @Test
    void keywordBagUnderTheHeading_isNotAnAnswer_hintAsksForWholeSentences() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).replace("report.md",
                "`kubectl delete -f spark.yaml` removes both Deployments and the Service.", "kubectl delete, destroy");

        CheckOutcome outcome = fixture.run(TYPE, SECTIONS);

        assertThat(outcome.status()).isEqualTo(CheckStatus.PARTIAL);
        assertThat(outcome.fraction()).isCloseTo(6.0 / 7, within(1e-9));
        assertThat(outcome.observed()).contains("; not in whole sentences: Destroy the cluster (line 32: \"kubectl"
                + " delete, destroy\")");
        assertThat(outcome.hint()).isEqualTo("answer Destroy the cluster (line 32) in whole sentences: say what you did"
                + " and why, not only the commands or keywords");
        assertThat(fixture.notPassed()).containsOnlyKeys(TYPE);
    }

    @Test
    void answerElsewhereInTheReport_doesNotCountForAHeadingLeftEmpty() {
        // The destroy question's own heading is left empty; "destroy" in another section's text does not answer it.
        SubmissionFixture fixture = SubmissionFixture.reference(dir).replace("report.md",
                "`kubectl delete -f spark.yaml` removes both Deployments and the Service.", "")
                .replace("report.md", "Two Spark clusters can coexist:", "Two Spark clusters can coexist (destroy"
                        + " one with kubectl delete):");

        CheckOutcome outcome = fixture.run(TYPE, SECTIONS);

        assertThat(outcome.observed()).endsWith("; missing Destroy the cluster");
    }

    @Test
    void missingTwoClustersSection_onlyThisCheckFails_partial() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).replace("report.md", TWO_CLUSTERS, "");

        CheckOutcome outcome = fixture.run(TYPE, SECTIONS);

        assertThat(outcome.status()).isEqualTo(CheckStatus.PARTIAL);
        assertThat(outcome.fraction()).isCloseTo(6.0 / 7, within(1e-9));
        assertThat(outcome.observed()).endsWith("; missing Two Spark clusters");
        assertThat(outcome.hint()).isEqualTo("report.md does not answer: Two Spark clusters (looked for a heading or"
                + " paragraph with two spark clusters, coexist, co-exist, followed by an answer)");
        assertThat(fixture.notPassed()).containsOnlyKeys(TYPE);
    }

    @Test
    void headingWithNothingUnderIt_isNotAnAnswer() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir)
                .replace("report.md", TWO_CLUSTERS, "### Two Spark clusters\n\n");

        assertThat(fixture.run(TYPE, SECTIONS).observed()).endsWith("; missing Two Spark clusters");
    }

    @Test
    void pdfOnlyReport_isAnErrorForAPerson_notAZero_andTellsTheStudentToSubmitReportMd() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).delete("report.md").write("Report.pdf", "%PDF-1.7");

        assertThat(fixture.run(TYPE, SECTIONS)).isEqualTo(new CheckOutcome(CheckStatus.ERROR, 0,
                "Report.pdf is not text, so the grader cannot read your answers",
                "submit your report as report.md (Markdown, plain text) next to Report.pdf; the grader reads text only"));
        assertThat(fixture.notPassed()).containsOnlyKeys(TYPE);
    }

    @Test
    void noReport_fails() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).delete("report.md");

        assertThat(fixture.run(TYPE, SECTIONS)).isEqualTo(CheckOutcome.fail(
                "no report (looked for report.md, report.txt, README.md, *.md)",
                "write the answers to the lab's questions in report.md"));
    }

    @Test
    void reportFile_firstGlobWins_anyCase_shallowestFirst() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir).delete("report.md")
                .write("notes.md", "nothing\n")
                .write("docs/deep/REPORT.TXT", "Storage:\n\nWe keep the data on Ceph.\n")
                .write("docs/Report.txt", "Storage\n\nWe keep the data on hostPath volumes.\n");
        Map<String, Object> storage = Map.of("sections", List.of(SubmissionFixture.section("Storage", "storage")));

        assertThat(fixture.run(TYPE, storage).observed()).isEqualTo("docs/Report.txt: answered Storage (line 1: \"We"
                + " keep the data on hostPath volumes.\")");
        assertThat(fixture.run(TYPE, Map.of("sections", storage.get("sections"), "files", "*.md")).observed())
                .isEqualTo("notes.md: answered none; missing Storage");
    }

    @Test
    void sectionKeywords_defaultToTheTitle() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir);

        assertThat(fixture.run(TYPE, Map.of("sections", List.of(Map.of("title", "Storage")))).status())
                .isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void sectionsParam_isValidated() {
        SubmissionFixture fixture = SubmissionFixture.reference(dir);

        assertThatThrownBy(() -> fixture.run(TYPE, Map.of())).isInstanceOf(LabValidationException.class)
                .hasMessage("test.yaml: report-sections: params.sections is required: a list of {title: ..., keywords: [...]}");
        assertThatThrownBy(() -> fixture.run(TYPE, Map.of("sections", "storage"))).isInstanceOf(LabValidationException.class)
                .hasMessage("test.yaml: report-sections: params.sections must be a list of maps, not 'storage'");
        assertThatThrownBy(() -> fixture.run(TYPE, Map.of("sections", List.of(Map.of("keywords", List.of("ceph"))))))
                .isInstanceOf(LabValidationException.class)
                .hasMessage("test.yaml: report-sections: params.sections[0].title is required (one line of text)");
        assertThatThrownBy(() -> fixture.run(TYPE, Map.of("sections", List.of(Map.of("title", "Storage", "points", 2)))))
                .isInstanceOf(LabValidationException.class)
                .hasMessage("test.yaml: report-sections: params.sections[0] has an unknown key 'points' (known: title, keywords)");
    }
}
