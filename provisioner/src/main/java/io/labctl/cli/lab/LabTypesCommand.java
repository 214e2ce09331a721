package io.labctl.cli.lab;

import io.labctl.cli.Cli;
import io.labctl.cli.GlobalOptionUse;
import io.labctl.cli.UsesGlobalOptions;
import io.labctl.grading.CheckTypes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code labctl lab types}: the check types a lab file may use. */
@Command(name = "types", description = "List the check types lab files may use (for instructors writing labs).",
        footerHeading = "%nExamples:%n", footer = {"  labctl lab types", "  labctl lab types -o json"})
@UsesGlobalOptions({GlobalOptionUse.RESULT})
public final class LabTypesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** One check type as printed. */
    public record TypeLine(String name, String target, String description) {
    }

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        cli.print(CheckTypes.all().stream().map(t -> new TypeLine(t.name(), t.target().name().toLowerCase(), t.description()))
                .toList(), (types, style) -> {
            StringBuilder sb = new StringBuilder();
            for (TypeLine t : types) {
                sb.append(String.format("%-24s %-8s %s%n", t.name(), t.target(), t.description()));
            }
            return sb.toString();
        });
        return 0;
    }
}
