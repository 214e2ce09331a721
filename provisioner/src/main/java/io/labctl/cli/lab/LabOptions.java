package io.labctl.cli.lab;

import io.labctl.core.LabctlException;
import io.labctl.grading.Grader;
import io.labctl.grading.Lab;
import io.labctl.grading.LabCatalog;
import io.labctl.grading.LabVariables;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Options shared by `labctl grade` and `labctl lab ...`: which lab, its variables, which exercises. */
public final class LabOptions {
    /** The lab variable the global -n sets. */
    static final String NAMESPACE_VAR = "namespace";

    @Option(names = "--lab", paramLabel = "NAME|FILE",
            description = "Lab: a built-in name (" + "spark-k8s" + ") or a lab file (default: spark-k8s, or the roster's).")
    String lab;

    @Option(names = "--set", paramLabel = "VAR=VALUE",
            description = "Set a lab variable, e.g. --set namespace=alice (see `labctl lab show`).")
    List<String> set = new ArrayList<>();

    /** Loads the lab named by --lab, else {@code fallback} (relative paths against {@code baseDir}). */
    public Lab load(String fallback, Path baseDir) {
        String ref = lab != null ? lab : fallback;
        return new LabCatalog(lab != null ? Path.of("") .toAbsolutePath() : baseDir).load(ref);
    }

    /**
     * --set values, checked against the lab's variables; the global {@code -n} sets the lab's {@code namespace}
     * variable, as a kubectl user expects (null: not given). -n and --set namespace= that disagree are refused.
     */
    public Map<String, String> vars(Lab loaded, String namespaceOption) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String s : set) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw LabctlException.usage("--set " + s + " is not VAR=VALUE", "e.g. --set namespace=alice");
            }
            vars.put(s.substring(0, eq), s.substring(eq + 1));
        }
        LabVariables.requireKnown(loaded, vars, "--set");
        if (namespaceOption != null) {
            String set = vars.get(NAMESPACE_VAR);
            if (set != null && !set.equals(namespaceOption)) {
                throw LabctlException.usage("-n " + namespaceOption + " and --set " + NAMESPACE_VAR + "=" + set + " disagree",
                        "give one of them");
            }
            if (!loaded.vars().containsKey(NAMESPACE_VAR)) {
                throw LabctlException.usage("lab " + loaded.name() + " has no namespace variable, so -n means nothing to it",
                        "leave -n out; its variables: " + String.join(", ", loaded.vars().keySet()));
            }
            vars.put(NAMESPACE_VAR, namespaceOption);
        }
        return vars;
    }

    /** The selection for the given exercise ids (all when empty) and part; unknown ids are a usage error. */
    public Grader.Selection selection(Lab loaded, List<String> exercises, PartOption part) {
        Set<String> ids = new LinkedHashSet<>(exercises == null ? List.of() : exercises);
        for (String id : ids) {
            if (loaded.exercise(id).isEmpty()) {
                throw LabctlException.usage("lab " + loaded.name() + " has no exercise '" + id + "'",
                        "its exercises: " + String.join(", ", loaded.exercises().stream().map(Lab.Exercise::id).toList()));
            }
        }
        return new Grader.Selection(ids, part.targets());
    }
}
