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
    void reference_passes_namingTheLineOfEachAnswer() {
        assertThat(SubmissionFixture.reference(dir).run(TYPE, SECTIONS)).isEqualTo(CheckOutcome.pass(
                "report.md: answered Build the images (line 3), Launch the cluster (line 16), Scale with kubectl apply"
                        + " (line 23), Scale with kubectl only (line 28), Destroy the cluster (line 32), Two Spark"
                        + " clusters (line 36), Storage (line 42)"));
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
                .write("docs/deep/REPORT.TXT", "Storage:\n\nCeph.\n")
                .write("docs/Report.txt", "Storage\n\nhostPath volumes.\n");
        Map<String, Object> storage = Map.of("sections", List.of(SubmissionFixture.section("Storage", "storage")));

        assertThat(fixture.run(TYPE, storage).observed()).isEqualTo("docs/Report.txt: answered Storage (line 1)");
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
