package io.labctl.grading.files;

import io.labctl.grading.checks.Check;
import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckParams;
import io.labctl.grading.checks.GradingContext;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code yaml-valid}: every {@code *.yaml} / {@code *.yml} of the submission parses (all its documents;
 * a key given twice in one map is an error, as kubectl says). One part per file.
 */
public final class YamlValidCheck implements Check {

    public YamlValidCheck(CheckParams params) {
        params.requireNoUnknown();
    }

    @Override
    public CheckOutcome evaluate(GradingContext context) {
        KubeYamlFiles yaml = KubeYamlFiles.of(Submission.of(context));
        Optional<CheckOutcome> noFiles = yaml.noFiles();
        if (noFiles.isPresent()) {
            return noFiles.get();
        }
        List<KubeYamlFiles.ParseError> errors = yaml.errors();
        String valid = yaml.files().stream().filter(f -> f.error() == null).map(KubeYamlFiles.YamlFile::path)
                .collect(Collectors.joining(", "));
        String observed = errors.isEmpty() ? "all parse: " + valid
                : errors.stream().map(KubeYamlFiles.ParseError::describe).collect(Collectors.joining("; "))
                        + (valid.isEmpty() ? "" : "; parse: " + valid);
        String hint = errors.isEmpty() ? null : "fix the YAML at " + errors.get(0).file()
                + (errors.get(0).line() > 0 ? ":" + errors.get(0).line() : "") + " (indent with spaces, never tabs;"
                + " a space after every colon); kubectl apply --dry-run=client -f " + errors.get(0).file()
                + " shows the same error";
        return CheckOutcome.parts(yaml.files().size() - errors.size(), yaml.files().size(), observed, hint);
    }
}
