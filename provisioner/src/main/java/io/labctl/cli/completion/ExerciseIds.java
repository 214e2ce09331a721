package io.labctl.cli.completion;

import io.labctl.grading.Lab;
import io.labctl.grading.LabCatalog;

import java.nio.file.Path;

/** {@code lab show <TAB>}, {@code --exercise <TAB>}: the exercises of the lab on the line ({@code --lab}), with their titles. */
final class ExerciseIds implements ValueSource {
    /** The lab the lab commands use without --lab (see LabOptions). */
    static final String DEFAULT_LAB = "spark-k8s";

    @Override
    public Completions values(Lookup lookup) {
        String ref = lookup.line().value("--lab").orElse(DEFAULT_LAB);
        try {
            Lab lab = new LabCatalog(Path.of("").toAbsolutePath()).load(ref);
            return Completions.of(lab.exercises().stream().map(ex -> new Candidate(ex.id(), ex.title())).toList());
        } catch (RuntimeException e) {
            return Completions.NONE; // no such lab (yet): `labctl lab show --lab ...` explains it
        }
    }
}
