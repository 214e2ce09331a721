package io.labctl.cli.lab;

import io.labctl.cli.Cli;
import io.labctl.cli.GlobalOptionUse;
import io.labctl.cli.Style;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code labctl lab show [EX]}: the guide of an exercise (or an overview of the lab). */
@Command(name = "show", description = "Print an exercise's guide: what to do and why, the labctl commands with their "
        + "kubectl equivalents, the checks with their points and the report's questions. Without EX: the lab's overview.",
        footerHeading = "%nExamples:%n",
        footer = {"  labctl lab show                 # the exercises, their points and the lab's variables",
            "  labctl lab show ex3 -n alice     # the guide, its commands for namespace alice",
            "  labctl lab show ex4 -o yaml      # the same as data"})
@UsesGlobalOptions({GlobalOptionUse.NAMESPACE, GlobalOptionUse.RESULT})
public final class LabShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LabOptions labOptions;

    @Parameters(index = "0", arity = "0..1", paramLabel = "EX", description = "Exercise id (ex1, ex2, ...).")
    String exercise;

    /** The overview of a lab, as -o json|yaml prints it. */
    public record Overview(String lab, String title, double points, Map<String, String> variables,
                           List<ExerciseLine> exercises) {
    }

    /** One exercise in the overview. */
    public record ExerciseLine(String id, String title, double points, int steps) {
    }

    /** An exercise's guide, as -o json|yaml prints it; every text has the lab's variables filled in. */
    public record Guide(String id, String title, String guide, List<GuideStep> steps, List<GuideCheck> checks,
                        List<String> reportQuestions) {
    }

    /** A step: what and why, the labctl command (null when the step is the student's to do), the plain way. */
    public record GuideStep(int number, String explain, String labctl, String byHand) {
    }

    public record GuideCheck(String id, double points, String title) {
    }

    /** The check type whose sections are the report's questions. */
    private static final String REPORT_SECTIONS = "report-sections";

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        Lab lab = labOptions.load("spark-k8s", Path.of("").toAbsolutePath());
        Map<String, String> vars = new LinkedHashMap<>(lab.vars());
        vars.putAll(labOptions.vars(lab, cli.options().namespaceOrNull()));
        if (exercise == null) {
            List<ExerciseLine> lines = lab.exercises().stream().map(ex -> new ExerciseLine(ex.id(), ex.title(),
                    ex.checks().stream().mapToDouble(CheckSpec::points).sum(), ex.steps().size())).toList();
            cli.print(new Overview(lab.name(), lab.title(), lab.maxScore(), vars, lines), LabShowCommand::overviewText);
            return 0;
        }
        Exercise ex = lab.exercise(exercise).orElseThrow(() -> LabctlException.usage("lab " + lab.name()
                + " has no exercise '" + exercise + "'", "see the exercises with `labctl lab show`"));
        cli.print(guide(ex, vars), LabShowCommand::guideText);
        return 0;
    }

    static Guide guide(Exercise ex, Map<String, String> vars) {
        List<GuideStep> steps = new ArrayList<>();
        for (int i = 0; i < ex.steps().size(); i++) {
            Step s = ex.steps().get(i);
            steps.add(new GuideStep(i + 1, LabVariables.substitute(s.explain(), vars),
                    s.labctl() == null ? null : "labctl " + ShellQuoting.command(s.labctl().stream()
                            .map(a -> LabVariables.substitute(a, vars)).toList()),
                    s.kubectl() == null ? null : LabVariables.substitute(s.kubectl(), vars)));
        }
        List<GuideCheck> checks = ex.checks().stream()
                .map(c -> new GuideCheck(c.id(), c.points(), LabVariables.substitute(c.title(), vars))).toList();
        return new Guide(ex.id(), ex.title(), ex.guide() == null ? null : LabVariables.substitute(ex.guide(), vars).strip(),
                steps, checks, reportQuestions(ex));
    }

    /** The section titles the report checks look for: what the report must answer. */
    static List<String> reportQuestions(Exercise ex) {
        List<String> questions = new ArrayList<>();
        for (CheckSpec check : ex.checks()) {
            if (check.type().equals(REPORT_SECTIONS) && check.params().get("sections") instanceof List<?> sections) {
                for (Object section : sections) {
                    if (section instanceof Map<?, ?> map && map.get("title") instanceof String title) {
                        questions.add(title);
                    }
                }
            }
        }
        return questions;
    }

    private static String overviewText(Overview o, Style style) {
        StringBuilder sb = new StringBuilder();
        sb.append(o.title()).append(" (").append(o.lab()).append(", ").append(GradeText.points(o.points()))
                .append(" points)\n\n");
        sb.append("Variables (change with --set VAR=VALUE, the namespace also with -n):\n");
        o.variables().forEach((k, v) -> sb.append("  ").append(k).append(" = ").append(v).append('\n'));
        sb.append('\n');
        for (ExerciseLine ex : o.exercises()) {
            sb.append(String.format("  %-5s %s (%s points, %d steps)%n", ex.id(), ex.title(), GradeText.points(ex.points()),
                    ex.steps()));
        }
        sb.append("\nNext: labctl lab show ").append(o.exercises().get(0).id()).append('\n');
        return TerminalText.visible(sb.toString());
    }

    private static String guideText(Guide g, Style style) {
        StringBuilder sb = new StringBuilder();
        sb.append(g.id()).append(": ").append(g.title()).append("\n\n");
        if (g.guide() != null) {
            sb.append(g.guide()).append("\n\n");
        }
        for (GuideStep s : g.steps()) {
            sb.append("Step ").append(s.number()).append(": ").append(s.explain()).append('\n');
            if (s.labctl() != null) {
                sb.append("  ").append(s.labctl()).append('\n');
            }
            if (s.byHand() != null) {
                sb.append("  by hand: ").append(s.byHand()).append('\n');
            }
        }
        sb.append("\nChecks:\n");
        for (GuideCheck c : g.checks()) {
            sb.append(String.format("  %-18s %4s pt  %s%n", c.id(), GradeText.points(c.points()), c.title()));
        }
        if (!g.reportQuestions().isEmpty()) {
            sb.append("\nThe report (report.md) answers, each under its own heading:\n");
            g.reportQuestions().forEach(q -> sb.append("  - ").append(q).append('\n'));
        }
        sb.append("\nRun the steps: labctl lab run ").append(g.id())
                .append("   Check your work: labctl lab check ").append(g.id()).append('\n');
        return TerminalText.visible(sb.toString());
    }
}
