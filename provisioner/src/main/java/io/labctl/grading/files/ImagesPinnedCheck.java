package io.labctl.grading.files;

import io.labctl.grading.checks.Check;
import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckParams;
import io.labctl.grading.checks.GradingContext;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code images-pinned}: no FROM (after build-argument substitution; stage references and {@code scratch}
 * excluded) and, with {@code includeYaml} (default true), no container or init-container {@code image:} of
 * the submitted Kubernetes YAML is untagged or {@code :latest}. A digest pins too. A FROM whose build
 * argument has no default cannot be judged and is only named.
 */
public final class ImagesPinnedCheck implements Check {
    private static final String WHY = "pin every image to a version (ubuntu:22.04, labctl/spark-master:3.5.7), never"
            + " latest: an untagged or :latest image makes Kubernetes use imagePullPolicy: Always, so the image you"
            + " loaded into the cluster is ignored and the pod fails pulling it; an untagged FROM builds on whatever"
            + " latest is that day";

    private final boolean includeYaml;

    public ImagesPinnedCheck(CheckParams params) {
        this.includeYaml = params.bool("includeYaml", true);
        params.requireNoUnknown();
    }

    @Override
    public CheckOutcome evaluate(GradingContext context) {
        Submission submission = Submission.of(context);
        Set<String> checked = new LinkedHashSet<>();
        List<String> offenders = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        for (Dockerfile dockerfile : Dockerfiles.of(submission).all()) {
            for (Dockerfile.Stage stage : dockerfile.stages()) {
                ImageRef image = stage.image();
                if (image == null || image.scratch()) {
                    continue;
                }
                if (image.unresolved()) {
                    unresolved.add(stage.describeFrom());
                    continue;
                }
                checked.add(image.reference());
                if (!image.pinned()) {
                    offenders.add(stage.describeFrom());
                }
            }
        }
        if (includeYaml) {
            for (KubeObject object : KubeYamlFiles.of(submission).objects()) {
                for (var container : object.containers()) {
                    String image = container.path("image").asText("");
                    if (image.isBlank()) {
                        continue;
                    }
                    checked.add(image);
                    if (!ImageRef.parse(image).pinned()) {
                        offenders.add(object.file() + ":" + object.lineOf("image", image) + " image: " + image
                                + " (" + object.kind() + " " + object.name() + ")");
                    }
                }
            }
        }
        String notJudged = unresolved.isEmpty() ? "" : "; not judged (build argument without default): "
                + String.join("; ", unresolved);
        if (checked.isEmpty()) {
            return CheckOutcome.fail("no FROM line or container image to check" + notJudged,
                    "submit the Dockerfiles" + (includeYaml ? " and the Kubernetes YAML" : ""));
        }
        if (offenders.isEmpty()) {
            return CheckOutcome.pass(checked.size() + " images, all pinned: " + String.join(", ", checked) + notJudged);
        }
        return CheckOutcome.fail("not pinned: " + String.join("; ", offenders) + notJudged, WHY);
    }
}
