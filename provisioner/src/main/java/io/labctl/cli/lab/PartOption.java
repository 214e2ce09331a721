package io.labctl.cli.lab;

import io.labctl.grading.checks.CheckTarget;
import picocli.CommandLine.Option;

import java.util.EnumSet;
import java.util.Set;

/**
 * {@code --part}: what part of the work to grade. Its own mixin because only the commands that grade (lab check,
 * grade) take it; lab show and lab run would only show it in their help.
 */
public final class PartOption {
    /** What part of the work to grade. */
    public enum Part { all, cluster, files }

    @Option(names = "--part", paramLabel = "PART", defaultValue = "all",
            description = "Grade ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Part part = Part.all;

    public Part part() {
        return part;
    }

    /** The check targets the part covers. */
    public Set<CheckTarget> targets() {
        return switch (part) {
            case all -> EnumSet.allOf(CheckTarget.class);
            case cluster -> EnumSet.of(CheckTarget.CLUSTER);
            case files -> EnumSet.of(CheckTarget.FILES);
        };
    }
}
