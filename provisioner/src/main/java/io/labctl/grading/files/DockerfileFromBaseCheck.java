package io.labctl.grading.files;

import io.labctl.grading.checks.Check;
import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckParams;
import io.labctl.grading.checks.GradingContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code dockerfile-from-base}: the role images (param {@code roles}, default master and worker) are built
 * FROM the student's base image. One part per role, plus one for the base Dockerfile existing. A role's
 * part is lost when it has no Dockerfile, when it starts FROM the OS image, a Java image or a public Spark
 * image (the base is then not used), or when it is FROM another image than the other roles: the roles
 * must share one base; with a tie nobody can tell which is right, so none of the tied roles gets the part.
 */
public final class DockerfileFromBaseCheck implements Check {
    private final List<String> roles;

    public DockerfileFromBaseCheck(CheckParams params) {
        this.roles = params.strings("roles", Dockerfiles.ROLES);
        params.requireNoUnknown();
        if (roles.isEmpty()) {
            throw params.invalid("roles", "must name at least one role");
        }
    }

    @Override
    public CheckOutcome evaluate(GradingContext context) {
        Dockerfiles dockerfiles = Dockerfiles.of(Submission.of(context));
        Optional<CheckOutcome> missing = dockerfiles.missing();
        if (missing.isPresent()) {
            return missing.get();
        }
        List<String> observed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int earned = 0;
        Optional<Dockerfile> base = dockerfiles.base();
        if (base.isPresent()) {
            earned++;
            observed.add("base: " + base.get().path());
        } else {
            observed.add("base: none");
            problems.add("no base Dockerfile: write one FROM the OS image that installs Java, Hadoop and Spark,"
                    + " and build the role images FROM its image");
        }
        Map<String, Dockerfile.Stage> candidates = new LinkedHashMap<>();
        for (String role : roles) {
            Optional<Dockerfile.Stage> from = dockerfiles.forRole(role).stream().findFirst().flatMap(Dockerfile::osStage);
            if (from.isEmpty()) {
                observed.add(role + ": none");
                problems.add("no " + role + " Dockerfile with a FROM (a path or name containing '" + role + "')");
                continue;
            }
            observed.add(role + ": " + from.get().describeFrom());
            String publicImage = publicImage(from.get().image());
            if (publicImage != null) {
                problems.add(from.get().describeFrom() + " is " + publicImage + ": build the " + role
                        + " image FROM your base image");
            } else {
                candidates.put(role, from.get());
            }
        }
        String shared = sharedImage(candidates);
        for (Map.Entry<String, Dockerfile.Stage> role : candidates.entrySet()) {
            if (key(role.getValue().image()).equals(shared)) {
                earned++;
            } else {
                problems.add(role.getValue().describeFrom() + " is not the image the other roles use ("
                        + candidates.values().stream().filter(s -> s != role.getValue()).map(s -> s.image().reference())
                        .distinct().collect(Collectors.joining(", "))
                        + "): build every role FROM the same base image");
            }
        }
        return CheckOutcome.parts(earned, roles.size() + 1, String.join("; ", observed),
                problems.isEmpty() ? null : String.join("; ", problems));
    }

    /** Why a FROM image is not the student's base, or null when it may well be. */
    private static String publicImage(ImageRef image) {
        return switch (image.kind()) {
            case OS -> "the OS image";
            case JAVA -> "a public Java image";
            case SPARK -> "a public Spark image";
            case OTHER -> null;
        };
    }

    /** The FROM image most roles use, or null when two or more images are used equally often. */
    private static String sharedImage(Map<String, Dockerfile.Stage> candidates) {
        Map<String, Long> counts = candidates.values().stream()
                .collect(Collectors.groupingBy(s -> key(s.image()), Collectors.counting()));
        long most = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<String> top = counts.entrySet().stream().filter(e -> e.getValue() == most).map(Map.Entry::getKey).toList();
        return top.size() == 1 ? top.get(0) : null;
    }

    // Compares images, not spellings: docker.io/x/base:1 and x/base:1 are one image.
    private static String key(ImageRef image) {
        return image.repository() + ":" + image.tag() + "@" + image.digest();
    }
}
