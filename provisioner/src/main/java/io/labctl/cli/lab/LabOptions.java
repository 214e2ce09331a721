package io.labctl.cli.lab;

import io.labctl.core.LabctlException;
import io.labctl.grading.Grader;
import io.labctl.grading.Lab;
import io.labctl.grading.LabCatalog;
import io.labctl.grading.LabVariables;
import io.labctl.grading.checks.CheckTarget;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Options shared by `labctl grade` and `labctl lab ...`: which lab, its variables, what to grade. */
public final class LabOptions {
    /** What part of the work to grade. */
    public enum Part { all, cluster, files }

    @Option(names = "--lab", paramLabel = "NAME|FILE",
            description = "Lab: a built-in name (" + "spark-k8s" + ") or a lab file (default: spark-k8s, or the roster's).")
    String lab;

    @Option(names = "--set", paramLabel = "VAR=VALUE",
            description = "Set a lab variable, e.g. --set namespace=alice (see `labctl lab show`).")
    List<String> set = new ArrayList<>();

    @Option(names = "--part", paramLabel = "PART", defaultValue = "all",
            description = "Grade ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Part part = Part.all;

    /** Loads the lab named by --lab, else {@code fallback} (relative paths against {@code baseDir}). */
    public Lab load(String fallback, Path baseDir) {
        String ref = lab != null ? lab : fallback;
        return new LabCatalog(lab != null ? Path.of("") .toAbsolutePath() : baseDir).load(ref);
    }

    /** --set values, checked against the lab's variables. */
    public Map<String, String> vars(Lab loaded) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String s : set) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw LabctlException.usage("--set " + s + " is not VAR=VALUE", "e.g. --set namespace=alice");
            }
            vars.put(s.substring(0, eq), s.substring(eq + 1));
        }
        LabVariables.requireKnown(loaded, vars, "--set");
        return vars;
    }

    /** The selection for the given exercise ids (all when empty); unknown ids are a usage error. */
    public Grader.Selection selection(Lab loaded, List<String> exercises) {
        Set<String> ids = new LinkedHashSet<>(exercises == null ? List.of() : exercises);
        for (String id : ids) {
            if (loaded.exercise(id).isEmpty()) {
                throw LabctlException.usage("lab " + loaded.name() + " has no exercise '" + id + "'",
                        "its exercises: " + String.join(", ", loaded.exercises().stream().map(Lab.Exercise::id).toList()));
            }
        }
        Set<CheckTarget> targets = switch (part) {
            case all -> EnumSet.allOf(CheckTarget.class);
            case cluster -> EnumSet.of(CheckTarget.CLUSTER);
            case files -> EnumSet.of(CheckTarget.FILES);
        };
        return new Grader.Selection(ids, targets);
    }
}
