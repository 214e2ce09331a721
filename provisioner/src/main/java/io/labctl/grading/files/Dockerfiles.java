package io.labctl.grading.files;

import io.labctl.grading.checks.CheckOutcome;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The submission's Dockerfiles, parsed, and the part each plays in the lab: the base image (Ubuntu, Java,
 * Hadoop, Spark) and the role images (master, worker) built FROM it. Roles are read from the path
 * ({@code master/Dockerfile}, {@code Dockerfile.worker}), as students name them.
 */
public final class Dockerfiles {
    /** The roles a Dockerfile's path can name; a Dockerfile that names none of them can be the base. */
    public static final List<String> ROLES = List.of("master", "worker");

    private final List<Dockerfile> all;

    private Dockerfiles(List<Dockerfile> all) {
        this.all = all;
    }

    /**
     * Parses every file named {@code Dockerfile}, {@code Dockerfile.*}, {@code *.Dockerfile} (any case), once per
     * submission; one whose bytes are not text is parsed as empty (no FROM), so checks say what is missing.
     *
     * @throws UnreadableFileException when such a file was refused or is too large to read (the check's ERROR)
     */
    public static Dockerfiles of(Submission submission) {
        return submission.memo(Dockerfiles.class, () -> new Dockerfiles(
                submission.filesNamed(Dockerfiles::isDockerfileName).stream()
                        .map(path -> Dockerfile.parse(path, submission.text(path).orElse("")))
                        .toList()));
    }

    static boolean isDockerfileName(String lowerCaseName) {
        return lowerCaseName.equals("dockerfile") || lowerCaseName.startsWith("dockerfile.")
                || lowerCaseName.endsWith(".dockerfile");
    }

    /** Every Dockerfile, by path. */
    public List<Dockerfile> all() {
        return all;
    }

    /** The failure every Dockerfile check gives when there is no Dockerfile at all; empty when there is one. */
    public Optional<CheckOutcome> missing() {
        return all.isEmpty()
                ? Optional.of(CheckOutcome.fail("no Dockerfile in the submission (looked for Dockerfile, Dockerfile.*,"
                        + " *.Dockerfile)", "add the Dockerfiles of exercise 2 to the submission"))
                : Optional.empty();
    }

    /**
     * The base: a Dockerfile whose path names no role, preferring one whose path says "base", then one
     * that starts FROM an OS or Java image (students who skip the OS step still wrote a base).
     */
    public Optional<Dockerfile> base() {
        List<Dockerfile> candidates = all.stream().filter(d -> ROLES.stream().noneMatch(r -> names(d, r))).toList();
        return candidates.stream().filter(d -> names(d, "base")).findFirst()
                .or(() -> candidates.stream().filter(d -> d.builtFrom()
                        .map(i -> i.kind() == ImageRef.Kind.OS || i.kind() == ImageRef.Kind.JAVA).orElse(false))
                        .findFirst());
    }

    /** The Dockerfiles whose path names the role ("master"), by path. */
    public List<Dockerfile> forRole(String role) {
        return all.stream().filter(d -> names(d, role)).toList();
    }

    /** Every FROM line, resolved: "base/Dockerfile:21 FROM ubuntu:22.04 (${BASE_IMAGE}); master/Dockerfile:3 ...". */
    public String describeFroms() {
        return all.stream().flatMap(d -> d.stages().stream()).map(Dockerfile.Stage::describeFrom)
                .collect(Collectors.joining("; "));
    }

    private static boolean names(Dockerfile dockerfile, String word) {
        return dockerfile.path().toLowerCase(Locale.ROOT).contains(word);
    }
}
