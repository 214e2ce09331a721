package io.labctl.grading.files;

import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckParams;
import io.labctl.grading.checks.GradingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code yaml-copies-agree}: one object, one truth. The lab asks for the YAML and a commented copy; when the same
 * kind/namespace/name is in several files, every copy must set every field as the applied copy does (the file with
 * the fewest comments, {@link KubeYamlFiles#distinctObjects()}), {@code spec.replicas} aside (exercise 4 scales by
 * applying a copy with other replicas). One part per object with copies; a disagreement
 * names both files and lines and the fields that differ. Passes when no object is in two files.
 */
public final class YamlCopiesCheck implements YamlObjectsCheck {
    private static final int SHOWN_DIFFERENCES = 3;
    private static final String REPLICAS = "spec.replicas";

    public YamlCopiesCheck(CheckParams params) {
        params.requireNoUnknown();
    }

    @Override
    public CheckOutcome evaluate(GradingContext context, KubeYamlFiles yaml) {
        Map<String, List<KubeObject>> copies = yaml.copies();
        if (copies.isEmpty()) {
            return CheckOutcome.pass("no object is in more than one file");
        }
        List<String> observed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (List<KubeObject> sameObject : copies.values()) {
            KubeObject applied = sameObject.get(0);
            List<String> disagreements = new ArrayList<>();
            for (KubeObject other : sameObject.subList(1, sameObject.size())) {
                List<ObjectCopies.Difference> differences = ObjectCopies.differences(applied, other).stream()
                        .filter(d -> !d.path().equals(REPLICAS)).toList();
                if (!differences.isEmpty()) {
                    disagreements.add(other.file() + ":" + other.line() + " differs from the applied "
                            + applied.file() + ":" + applied.line() + " in " + differences.size() + " field(s): "
                            + differences.stream().limit(SHOWN_DIFFERENCES).map(d -> d.describe(applied, other))
                            .collect(Collectors.joining("; "))
                            + (differences.size() > SHOWN_DIFFERENCES ? "; ..." : ""));
                }
            }
            String copiesIn = sameObject.stream().map(o -> o.file() + ":" + o.line()).collect(Collectors.joining(", "));
            if (disagreements.isEmpty()) {
                observed.add(applied.kind() + " " + applied.name() + ": copies agree (" + copiesIn + ")");
            } else {
                observed.add(applied.kind() + " " + applied.name() + ": " + String.join("; ", disagreements));
                problems.add(applied.kind() + " " + applied.name());
            }
        }
        String hint = problems.isEmpty() ? null : "make the commented copy say exactly what the applied YAML does ("
                + String.join(", ", problems) + "): copy the applied file again and add only # comments; the grade is "
                + "for the applied file";
        return CheckOutcome.parts(copies.size() - problems.size(), copies.size(), String.join("; ", observed), hint);
    }
}
