package io.labctl.cli.lab;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.labctl.cli.Cli;
import io.labctl.cli.GlobalOptionUse;
import io.labctl.cli.UsesGlobalOptions;
import io.labctl.grading.Lab;
import io.labctl.grading.LabCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code labctl lab list}: the built-in labs. */
@Command(name = "list", description = "List the built-in labs and their exercises.",
        footerHeading = "%nExamples:%n", footer = {"  labctl lab list", "  labctl lab list -o wide    # every exercise with its points"})
@UsesGlobalOptions({GlobalOptionUse.LIST})
public final class LabListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** One lab, as printed. */
    public record LabLine(String name, String title, List<String> exercises, double points,
                          @JsonIgnore List<ExerciseLine> exerciseLines) {
        /** One exercise, for -o wide (json/yaml keep the ids only, as before). */
        public record ExerciseLine(String id, String title, double points) {
        }
    }

    /** {@code -o wide}: one line per exercise, with its title and points. */
    private static String wide(List<LabLine> labs, io.labctl.cli.Style style) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-12s %-6s %-8s %s%n", "LAB", "ID", "POINTS", "TITLE"));
        for (LabLine l : labs) {
            for (LabLine.ExerciseLine e : l.exerciseLines()) {
                sb.append(String.format(Locale.ROOT, "%-12s %-6s %-8s %s%n", l.name(), e.id(), GradeText.points(e.points()),
                        e.title()));
            }
        }
        return sb.toString();
    }

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        LabCatalog catalog = new LabCatalog(Path.of("").toAbsolutePath());
        List<LabLine> labs = LabCatalog.BUILT_IN.stream().map(catalog::load)
                .map(l -> new LabLine(l.name(), l.title(), l.exercises().stream().map(Lab.Exercise::id).toList(), l.maxScore(),
                        l.exercises().stream().map(e -> new LabLine.ExerciseLine(e.id(), e.title(),
                                e.checks().stream().mapToDouble(Lab.CheckSpec::points).sum())).toList()))
                .toList();
        cli.printList(labs, (ls, style) -> {
            StringBuilder sb = new StringBuilder();
            for (LabLine l : ls) {
                sb.append(String.format(Locale.ROOT, "%-12s %s (%s; %s points)%n", l.name(), l.title(),
                        String.join(", ", l.exercises()), GradeText.points(l.points())));
            }
            return sb.toString();
        }, LabListCommand::wide, LabLine::name);
        return 0;
    }
}
