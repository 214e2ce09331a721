package io.labctl.grading.files;

import io.labctl.grading.checks.Check;
import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckParams;
import io.labctl.grading.checks.GradingContext;

import java.util.Optional;

/**
 * {@code dockerfile-base-image}: some Dockerfile's image starts FROM the required OS image (param
 * {@code image}, default {@code ubuntu:22.04}); its code name ({@code ubuntu:jammy}), a dated tag or a
 * digest-pinned reference of it count too. The FROM is read after build-argument substitution, through
 * the stages (a final {@code FROM os} counts as the image stage {@code os} starts from).
 */
public final class DockerfileBaseImageCheck implements Check {
    private final ImageRef required;

    public DockerfileBaseImageCheck(CheckParams params) {
        this.required = ImageRef.parse(params.string("image", "ubuntu:22.04"));
        params.requireNoUnknown();
    }

    @Override
    public CheckOutcome evaluate(GradingContext context) {
        Dockerfiles dockerfiles = Dockerfiles.of(Submission.of(context));
        Optional<CheckOutcome> missing = dockerfiles.missing();
        if (missing.isPresent()) {
            return missing.get();
        }
        for (Dockerfile dockerfile : dockerfiles.all()) {
            Optional<Dockerfile.Stage> os = dockerfile.osStage();
            if (os.isPresent() && os.get().image().isImage(required)) {
                return CheckOutcome.pass(os.get().describeFrom());
            }
        }
        String observed = "no Dockerfile starts FROM " + required + "; FROM lines: " + dockerfiles.describeFroms();
        // The base, or failing that any Dockerfile, tells the student which line to change.
        Optional<Dockerfile.Stage> wrong = dockerfiles.base().or(() -> dockerfiles.all().stream().findFirst())
                .flatMap(Dockerfile::osStage);
        return CheckOutcome.fail(observed, wrong
                .map(s -> s.describeFrom() + ": found " + s.image() + ", the lab asks for " + required
                        + "; change that FROM (or its ARG default)")
                .orElse("start the base Dockerfile FROM " + required));
    }
}
