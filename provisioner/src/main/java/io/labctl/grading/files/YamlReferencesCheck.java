package io.labctl.grading.files;

import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckParams;
import io.labctl.grading.checks.GradingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code yaml-references}: every reference between the submitted objects resolves as the cluster would resolve it
 * ({@link ManifestReferences}): Service selectors and targetPorts, every {@code spark://HOST:PORT} the pods use,
 * ConfigMaps, Secrets and claims the pods need, their ServiceAccount. One part per reference; each dangling one is
 * named with file:line, what it points at, what exists instead and what the pod will actually do. Images the YAML
 * runs that no submitted Dockerfile builds (param {@code images}, default true) are warned about, at no cost.
 */
public final class YamlReferencesCheck implements YamlObjectsCheck {
    private final boolean images;

    public YamlReferencesCheck(CheckParams params) {
        this.images = params.bool("images", true);
        params.requireNoUnknown();
    }

    @Override
    public CheckOutcome evaluate(GradingContext context, KubeYamlFiles yaml) {
        Submission submission = Submission.of(context);
        List<KubeObject> applied = yaml.distinctObjects();
        List<ManifestReferences.Reference> references = new ManifestReferences(applied).resolve();
        List<ManifestReferences.Reference> dangling = references.stream().filter(ManifestReferences.Reference::dangling)
                .toList();
        List<String> observed = new ArrayList<>();
        dangling.forEach(r -> observed.add(r.describe()));
        observed.add((references.size() - dangling.size()) + " of " + references.size() + " references resolve");
        if (images) {
            warnings(submission, applied).forEach(w -> observed.add("warning: " + w));
        }
        String hint = dangling.isEmpty() ? null : dangling.stream().map(ManifestReferences.Reference::fix).distinct()
                .collect(Collectors.joining("; "));
        return CheckOutcome.parts(references.size() - dangling.size(), references.size(), String.join("; ", observed),
                hint);
    }

    private static List<String> warnings(Submission submission, List<KubeObject> applied) {
        BuiltImages built = BuiltImages.of(submission);
        List<String> warnings = new ArrayList<>();
        for (KubeObject object : applied) {
            for (var container : object.containers()) {
                String image = container.path("image").asText("");
                if (!image.isBlank()) {
                    built.notBuilt(image).ifPresent(why -> warnings.add(object.file() + ":" + object.lineOf("image", image)
                            + " image " + image + " (" + object.kind() + " " + object.name() + "): " + why));
                }
            }
        }
        return warnings;
    }
}
