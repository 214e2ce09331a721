package io.labctl.cli.lab;

import io.labctl.cli.Cli;
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
        footerHeading = "%nExamples:%n", footer = {"  labctl lab list", "  labctl lab list -o json"})
public final class LabListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** One lab, as printed. */
    public record LabLine(String name, String title, List<String> exercises, double points) {
    }

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        LabCatalog catalog = new LabCatalog(Path.of("").toAbsolutePath());
        List<LabLine> labs = LabCatalog.BUILT_IN.stream().map(catalog::load)
                .map(l -> new LabLine(l.name(), l.title(), l.exercises().stream().map(Lab.Exercise::id).toList(), l.maxScore()))
                .toList();
        cli.print(labs, (ls, style) -> {
            StringBuilder sb = new StringBuilder();
            for (LabLine l : ls) {
                sb.append(String.format(Locale.ROOT, "%-12s %s (%s; %s points)%n", l.name(), l.title(),
                        String.join(", ", l.exercises()), GradeText.points(l.points())));
            }
            return sb.toString();
        });
        return 0;
    }
}
