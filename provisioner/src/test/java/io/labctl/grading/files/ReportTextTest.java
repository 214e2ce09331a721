package io.labctl.grading.files;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class ReportTextTest {

    @Test
    void heading_isAnsweredByAParagraphBeforeTheNextHeadingOfItsLevel_subsectionsIncluded() {
        ReportText report = ReportText.parse("""
                ## Scaling
                ### With kubectl only
                kubectl scale deployment/spark-worker --replicas=3
                ## Storage
                ## Destroying
                """);

        assertThat(report.answer(List.of("scaling"))).map(ReportText.Block::line).contains(1);
        assertThat(report.answer(List.of("STORAGE"))).isEmpty();
        assertThat(report.answer(List.of("destroy"))).isEmpty();
    }

    @Test
    void label_isAnsweredByTheNextParagraph_aLongerParagraphByItself() {
        ReportText report = ReportText.parse("""
                Two clusters:

                Each in its own namespace.

                Storage could go on Ceph, through Rook, as a PersistentVolume every worker mounts.

                Destroying the cluster
                """);

        assertThat(report.answer(List.of("two clusters"))).map(ReportText.Block::line).contains(1);
        assertThat(report.answer(List.of("ceph"))).map(ReportText.Block::line).contains(5);
        assertThat(report.answer(List.of("destroying"))).isEmpty();
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

        assertThat(report.answer(List.of("building"))).map(ReportText.Block::level).contains(1);
        assertThat(report.answer(List.of("storage"))).map(ReportText.Block::level).contains(0);
    }
}
