package io.labctl.cli.lab;

import io.labctl.cli.Cli;
import io.labctl.cli.GlobalOptionUse;
import io.labctl.cli.UsesGlobalOptions;
import io.labctl.core.ExitCode;
import io.labctl.grading.checks.CheckStatus;
import io.labctl.grading.GradeReport;
import io.labctl.grading.Grader;
import io.labctl.grading.checks.CheckTarget;
import io.labctl.grading.Lab;
import io.labctl.grading.StudentGrading;
import io.labctl.grading.report.ReportFormat;
import io.labctl.grading.report.ReportWriters;
import io.labctl.kube.KubeTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code labctl lab check [EX...]}: the grader's own checks, for a student before submitting. */
@Command(name = "check",
        description = {"Run the checks of one or more exercises (all without EX) against your cluster and files: the same "
                + "code the instructor grades with. Read-only.",
                "Exit 0 when every check passed, 9 when some did not, 4 when the cluster could not be reached."},
        footerHeading = "%nExamples:%n",
        footer = {"  labctl lab check ex3", "  labctl lab check ex2 ex3 --submission ~/lab3", "  labctl lab check --part files --submission ."})
@UsesGlobalOptions({GlobalOptionUse.CLUSTER, GlobalOptionUse.NAMESPACE, GlobalOptionUse.RESULT})
public final class LabCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LabOptions labOptions;

    @Mixin
    PartOption part;

    @Parameters(arity = "0..*", paramLabel = "EX", description = "Exercise ids (default: all).")
    List<String> exercises;

    @Option(names = "--submission", paramLabel = "DIR", description = "Your files (Dockerfiles, YAML, report).")
    Path submission;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        Lab lab = labOptions.load("spark-k8s", Path.of("").toAbsolutePath());
        var vars = labOptions.vars(lab, cli.options().namespaceOrNull());
        var selection = labOptions.selection(lab, exercises, part);
        if (submission == null && part.part() == PartOption.Part.all) {
            // A student checking the cluster has no folder to give; the file checks are not "not gradable" then.
            selection = new Grader.Selection(selection.exercises(), EnumSet.of(CheckTarget.CLUSTER));
            cli.err().println("note: file checks skipped; pass --submission DIR to check your Dockerfiles, YAML and report");
        }
        KubeTarget target = new KubeTarget(cli.options().kubeconfigFile(), cli.target().context(), null);
        GradeReport report = new StudentGrading(cli.connector(), Clock.systemUTC())
                .grade(null, lab, vars, selection, target, submission);
        ReportFormat format = switch (cli.options().output()) {
            case json -> ReportFormat.json;
            case yaml -> ReportFormat.yaml;
            case text, wide, name -> ReportFormat.text; // wide and name are refused before (no list)
        };
        try {
            ReportWriters.forTerminal(format, cli.marks()).write(report, cli.out());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cli.out().flush();
        if (!report.gradable()) {
            return ExitCode.UNREACHABLE.status();
        }
        // A check waiting for the instructor's review is not one the student can fix now.
        boolean allPassed = report.checks().stream()
                .allMatch(c -> c.status() == CheckStatus.PASSED || c.status() == CheckStatus.PENDING);
        return allPassed ? 0 : ExitCode.CHECKS_FAILED.status();
    }
}
