package io.labctl.grading.files;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.List;

/**
 * Fuzz tier (coverage-guided, Jazzer): any bytes named report.md are decoded, split into headings and paragraphs
 * and searched for answers without an exception. Seeds: {@code ReportTextFuzzTestInputs/}; fuzzing:
 * {@code provisioner/fuzz}.
 */
class ReportTextFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parse(byte[] input) {
        String text = TextDecoding.decode(input).orElse("");
        ReportText report = ReportText.parse(text);
        report.answer("Two Spark clusters", List.of("storage", "#", " ", "two spark clusters"))
                .ifPresent(answer -> {
                    ReportText.hasSentence(answer.text());
                    answer.quote(200);
                });
        for (String line : text.lines().limit(1000).toList()) {
            ReportText.atxHeading(1, line);
        }
    }
}
