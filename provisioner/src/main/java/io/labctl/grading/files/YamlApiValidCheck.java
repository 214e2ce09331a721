package io.labctl.grading.files;

import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckParams;
import io.labctl.grading.checks.GradingContext;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code yaml-api-valid}: the API server would accept every submitted object (the applied copy): no unknown field,
 * no wrong type, no missing required field, no invalid name. Judged by the API server itself when the grader was
 * given {@code --validate-on CONTEXT} (a {@link ManifestValidator} in the context), else offline against the vendored
 * OpenAPI schema ({@link KubernetesSchema}). One part per object; each problem with file:line and the server's words.
 */
public final class YamlApiValidCheck implements YamlObjectsCheck {
    public YamlApiValidCheck(CheckParams params) {
        params.requireNoUnknown();
    }

    @Override
    public CheckOutcome evaluate(GradingContext context, KubeYamlFiles yaml) {
        ManifestValidator validator = context.service(ManifestValidator.class).orElse(KubernetesSchema.shipped());
        List<KubeObject> objects = yaml.distinctObjects();
        List<ManifestValidator.Problem> problems = validator.validate(objects);
        long refused = problems.stream().map(p -> p.object().identity()).distinct().count();
        String by = "checked with " + validator.describe();
        if (problems.isEmpty()) {
            return CheckOutcome.pass(objects.size() + " objects valid, " + by);
        }
        String observed = problems.stream().map(ManifestValidator.Problem::describe).collect(Collectors.joining("; "))
                + "; " + by;
        ManifestValidator.Problem first = problems.get(0);
        String hint = "fix " + first.object().file() + ":" + first.object().lineOfPath(first.field()) + " ("
                + (first.field().isEmpty() ? first.message() : first.field() + ": " + first.message())
                + "); kubectl apply --dry-run=server -f " + first.object().file() + " shows the same";
        return CheckOutcome.parts((int) (objects.size() - refused), objects.size(), observed, hint);
    }
}
