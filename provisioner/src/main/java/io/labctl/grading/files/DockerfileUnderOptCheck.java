package io.labctl.grading.files;

import io.labctl.grading.checks.Check;
import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckParams;
import io.labctl.grading.checks.GradingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code dockerfile-under-opt}: a Dockerfile installs the component (param {@code component}: hadoop or
 * spark) under {@code dir} (default {@code /opt}), as {@link InstallLocations} reads it. Every Dockerfile
 * counts, so a Spark installed in the role images instead of the base is judged here only for where it is.
 */
public final class DockerfileUnderOptCheck implements Check {
    private static final Set<String> COMPONENTS = Set.of("hadoop", "spark");

    private final String component;
    private final String dir;

    public DockerfileUnderOptCheck(CheckParams params) {
        this.component = params.requiredString("component").toLowerCase(Locale.ROOT);
        this.dir = params.string("dir", "/opt");
        params.requireNoUnknown();
        if (!COMPONENTS.contains(component)) {
            throw params.invalid("component", "must be hadoop or spark, not '" + component + "'");
        }
    }

    @Override
    public CheckOutcome evaluate(GradingContext context) {
        Dockerfiles dockerfiles = Dockerfiles.of(Submission.of(context));
        Optional<CheckOutcome> missing = dockerfiles.missing();
        if (missing.isPresent()) {
            return missing.get();
        }
        String name = Character.toUpperCase(component.charAt(0)) + component.substring(1);
        List<String> evidence = new ArrayList<>();
        InstallLocations.Location elsewhere = null;
        for (Dockerfile dockerfile : dockerfiles.all()) {
            List<InstallLocations.Location> locations = InstallLocations.find(dockerfile, component);
            InstallLocations.Location decisive = InstallLocations.decisive(locations);
            if (decisive == null) {
                continue;
            }
            String found = locations.stream().map(InstallLocations.Location::evidence).collect(Collectors.joining("; "));
            if (InstallLocations.under(decisive.path(), dir)) {
                return CheckOutcome.pass(name + " in " + decisive.path() + ": " + found);
            }
            evidence.add(found);
            elsewhere = elsewhere == null ? decisive : elsewhere;
        }
        if (elsewhere != null) {
            return CheckOutcome.fail(String.join("; ", evidence),
                    name + " is under " + elsewhere.path() + "; the lab asks for " + dir);
        }
        return CheckOutcome.fail(name + ": no installation found in "
                        + dockerfiles.all().stream().map(Dockerfile::path).collect(Collectors.joining(", "))
                        + " (looked for " + InstallLocations.homeVariable(component) + ", tar -C, mv, cp, ln, COPY and ADD of "
                        + component + "*)",
                "download " + name + " in the base Dockerfile, extract it in " + dir + " (tar -xzf " + component
                        + "-<version>.tgz -C " + dir + ") and set ENV " + InstallLocations.homeVariable(component) + "="
                        + dir + "/" + component);
    }
}
