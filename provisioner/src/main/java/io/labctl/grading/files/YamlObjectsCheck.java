package io.labctl.grading.files;

import io.labctl.grading.checks.Check;
import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.GradingContext;

/**
 * A check of the submitted Kubernetes objects: without a YAML file, or without an object in them, there is nothing to
 * judge, and every such check fails the same way ({@link KubeYamlFiles#missing()}) before looking.
 */
public interface YamlObjectsCheck extends Check {
    /** Judges the objects; called only when the submission has some. */
    CheckOutcome evaluate(GradingContext context, KubeYamlFiles yaml);

    @Override
    default CheckOutcome evaluate(GradingContext context) {
        KubeYamlFiles yaml = KubeYamlFiles.of(Submission.of(context));
        return yaml.missing().orElseGet(() -> evaluate(context, yaml));
    }
}
