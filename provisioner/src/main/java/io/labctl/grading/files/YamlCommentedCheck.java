package io.labctl.grading.files;

import io.labctl.grading.checks.Check;
import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckParams;
import io.labctl.grading.checks.GradingContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code yaml-commented}: the lab asks for the YAML and a commented version of it. Passes when some YAML
 * file has at least {@code minComments} (default 5) comment lines: lines whose first non-blank character
 * is {@code #}, and lines with a trailing {@code  # ...} outside quoted strings (best effort: a {@code #}
 * inside a block scalar counts too). When uncommented files hold the same objects, the pair is named.
 */
public final class YamlCommentedCheck implements Check {
    private final int minComments;

    public YamlCommentedCheck(CheckParams params) {
        this.minComments = params.integer("minComments", 5);
        params.requireNoUnknown();
        if (minComments < 1) {
            throw params.invalid("minComments", "must be at least 1, not " + minComments);
        }
    }

    @Override
    public CheckOutcome evaluate(GradingContext context) {
        KubeYamlFiles yaml = KubeYamlFiles.of(Submission.of(context));
        Optional<CheckOutcome> noFiles = yaml.noFiles();
        if (noFiles.isPresent()) {
            return noFiles.get();
        }
        List<KubeYamlFiles.YamlFile> commented = new ArrayList<>();
        List<KubeYamlFiles.YamlFile> uncommented = new ArrayList<>();
        yaml.files().forEach(f -> (commentLines(f.text()) >= minComments ? commented : uncommented).add(f));
        if (commented.isEmpty()) {
            KubeYamlFiles.YamlFile most = yaml.files().stream()
                    .max(Comparator.comparingInt(f -> commentLines(f.text()))).orElseThrow();
            return CheckOutcome.fail("no YAML file has " + minComments + " comment lines; the most: " + most.path()
                            + " with " + commentLines(most.text()),
                    "submit a commented copy of the manifests (e.g. spark-commented.yaml) that explains each part"
                            + " in # comments: the lab asks for the YAML files and a commented version");
        }
        return CheckOutcome.pass(commented.stream().map(c -> describe(c, uncommented)).collect(Collectors.joining("; ")));
    }

    private static String describe(KubeYamlFiles.YamlFile commented, List<KubeYamlFiles.YamlFile> uncommented) {
        String text = commented.path() + ": " + commentLines(commented.text()) + " comment lines";
        List<String> originals = originals(commented, uncommented);
        return originals.isEmpty() ? text : text + ", the commented copy of " + String.join(", ", originals);
    }

    /** The uncommented files that together hold exactly the commented file's objects (one file, or one per object). */
    private static List<String> originals(KubeYamlFiles.YamlFile commented, List<KubeYamlFiles.YamlFile> uncommented) {
        Set<String> objects = identities(commented);
        List<KubeYamlFiles.YamlFile> parts = uncommented.stream()
                .filter(u -> !identities(u).isEmpty() && objects.containsAll(identities(u))).toList();
        Set<String> covered = new HashSet<>();
        parts.forEach(p -> covered.addAll(identities(p)));
        return !objects.isEmpty() && covered.equals(objects)
                ? parts.stream().map(KubeYamlFiles.YamlFile::path).toList() : List.of();
    }

    private static Set<String> identities(KubeYamlFiles.YamlFile file) {
        return file.objects().stream().map(KubeObject::identity).collect(Collectors.toSet());
    }

    static int commentLines(String text) {
        return YamlComments.lines(text);
    }
}
