package io.labctl.cli.lab;

import io.labctl.cli.Cli;
import io.labctl.cli.GlobalOptionUse;
import io.labctl.cli.UsesGlobalOptions;
import io.labctl.core.LabctlException;
import io.labctl.core.ShellQuoting;
import io.labctl.core.TerminalText;
import io.labctl.grading.Lab;
import io.labctl.grading.Lab.CheckSpec;
import io.labctl.grading.Lab.Exercise;
import io.labctl.grading.Lab.Step;
import io.labctl.grading.LabVariables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code labctl lab show [EX]}: the guide of an exercise (or an overview of the lab). */
@Command(name = "show", description = "Print an exercise's guide: what to do and why, the labctl commands with their "
        + "kubectl equivalents, and the checks with their points. Without EX: the lab's overview.")
@UsesGlobalOptions({GlobalOptionUse.NAMESPACE})
public final class LabShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LabOptions labOptions;

    @Parameters(index = "0", arity = "0..1", paramLabel = "EX", description = "Exercise id (ex1, ex2, ...).")
    String exercise;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        Lab lab = labOptions.load("spark-k8s", Path.of("").toAbsolutePath());
        Map<String, String> vars = new LinkedHashMap<>(lab.vars());
        vars.putAll(labOptions.vars(lab));
        StringBuilder sb = new StringBuilder();
        if (exercise == null) {
            sb.append(lab.title()).append(" (").append(lab.name()).append(", ")
                    .append(GradeText.points(lab.maxScore())).append(" points)\n\n");
            sb.append("Variables (change with --set VAR=VALUE):\n");
            vars.forEach((k, v) -> sb.append("  ").append(k).append(" = ").append(v).append('\n'));
            sb.append('\n');
            for (Exercise ex : lab.exercises()) {
                double points = ex.checks().stream().mapToDouble(CheckSpec::points).sum();
                sb.append(String.format("  %-5s %s (%s points, %d steps)%n", ex.id(), ex.title(), GradeText.points(points),
                        ex.steps().size()));
            }
            sb.append("\nNext: labctl lab show ").append(lab.exercises().get(0).id()).append('\n');
        } else {
            Exercise ex = lab.exercise(exercise).orElseThrow(() -> LabctlException.usage("lab " + lab.name()
                    + " has no exercise '" + exercise + "'", "see the exercises with `labctl lab show`"));
            sb.append(ex.id()).append(": ").append(ex.title()).append("\n\n");
            if (ex.guide() != null) {
                sb.append(LabVariables.substitute(ex.guide(), vars).strip()).append("\n\n");
            }
            List<Step> steps = ex.steps();
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                sb.append("Step ").append(i + 1).append(": ").append(LabVariables.substitute(s.explain(), vars)).append('\n');
                if (s.labctl() != null) {
                    sb.append("  labctl ").append(ShellQuoting.command(s.labctl().stream()
                            .map(a -> LabVariables.substitute(a, vars)).toList())).append('\n');
                }
                if (s.kubectl() != null) {
                    sb.append("  by hand: ").append(LabVariables.substitute(s.kubectl(), vars)).append('\n');
                }
            }
            sb.append("\nChecks:\n");
            for (CheckSpec c : ex.checks()) {
                sb.append(String.format("  %-18s %4s pt  %s%n", c.id(), GradeText.points(c.points()),
                        LabVariables.substitute(c.title(), vars)));
            }
            sb.append("\nRun the steps: labctl lab run ").append(ex.id())
                    .append("   Check your work: labctl lab check ").append(ex.id()).append('\n');
        }
        cli.out().print(TerminalText.visible(sb.toString()));
        cli.out().flush();
        return 0;
    }
}
