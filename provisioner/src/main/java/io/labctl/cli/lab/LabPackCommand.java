package io.labctl.cli.lab;

import io.labctl.cli.Cli;
import io.labctl.cli.GlobalOptionUse;
import io.labctl.cli.Style;
import io.labctl.cli.UsesGlobalOptions;
import io.labctl.core.AtomicFiles;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.TerminalText;
import io.labctl.grading.CheckResult;
import io.labctl.grading.GradeReport;
import io.labctl.grading.Grader;
import io.labctl.grading.Lab;
import io.labctl.grading.StudentGrading;
import io.labctl.grading.checks.CheckStatus;
import io.labctl.grading.checks.CheckTarget;
import io.labctl.grading.files.HandIn;
import io.labctl.grading.files.Submission;
import io.labctl.grading.files.UnreadableFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code labctl lab pack}: the zip to hand in. It packs what the assignment asks for from the submission folder, runs
 * the grader's file checks on that very zip (so "missing" means missing from what is handed in), and only then moves
 * the zip to --out. Exit 0 when every file check passed, 9 when the zip was written but some did not (listed, with
 * hints), 2 for bad input (no folder, nothing to pack, --out that exists without --force or is no regular file).
 */
@Command(name = "pack",
        description = "Zip your Dockerfiles, YAML, its commented copy and report.md for hand-in, after the grader's file checks.",
        footerHeading = "%nExamples:%n",
        footer = {"  labctl lab pack                                   # this folder -> submission.zip",
                "  labctl lab pack --submission ~/lab3 --out lab3.zip",
                "  labctl lab pack --out lab3.zip --force            # replace an existing lab3.zip",
                "  labctl lab pack -o json                           # what was packed and what is missing, for scripts"})
@UsesGlobalOptions({GlobalOptionUse.RESULT})
public final class LabPackCommand implements Callable<Integer> {
    static final String DEFAULT_OUT = "submission.zip";

    @Spec
    CommandSpec spec;

    @Mixin
    LabOptions labOptions;

    @Option(names = "--submission", paramLabel = "DIR", description = "Your submission folder (default: the current folder).")
    Path submission;

    @Option(names = "--out", paramLabel = "FILE.zip", description = "The zip to write (default: " + DEFAULT_OUT + ").")
    Path out;

    @Option(names = "--force", description = "Replace --out when it exists.")
    boolean force;

    /** What pack did, as -o json|yaml prints it. */
    public record PackResult(String out, List<String> packed, List<String> leftOut, Map<String, String> notPacked,
                             double score, double maxScore, List<Missing> missing) {
    }

    /** A file check that did not pass on the zip: what the grader will say about it. */
    public record Missing(String check, String title, String status, String observed, String hint) {
    }

    @Override
    public Integer call() throws IOException {
        Cli cli = Cli.of(spec);
        Path folder = submission != null ? submission : Path.of("").toAbsolutePath();
        Path target = (out != null ? out : Path.of(DEFAULT_OUT)).toAbsolutePath();
        refuseBadOut(target);
        if (!Files.isDirectory(folder)) {
            throw LabctlException.usage("submission folder " + folder + " does not exist or is not a folder",
                    "run labctl lab pack in your submission folder, or pass --submission DIR");
        }
        Lab lab = labOptions.load("spark-k8s", Path.of("").toAbsolutePath());
        Map<String, String> vars = labOptions.vars(lab, null);
        Submission files = Submission.read(folder);
        HandIn.Contents contents;
        try {
            contents = HandIn.contents(files);
        } catch (UnreadableFileException e) {
            throw LabctlException.usage("cannot pack " + folder + ": " + e.getMessage(),
                    "pack only your submission folder (Dockerfiles, YAML, report), not a whole home or project folder");
        }
        if (contents.packed().isEmpty()) {
            throw LabctlException.usage(folder + " holds no Dockerfile, YAML or report to hand in",
                    "run labctl lab pack in your submission folder, or pass --submission DIR");
        }
        cli.progress().step("Packing " + contents.packed().size() + " file(s) from " + folder);
        try (HandIn.Staged staged = HandIn.stage(files, contents, target)) {
            // The same file checks the grader runs, on the zip itself: what it lacks is what the grader will miss.
            GradeReport report = new StudentGrading(cli.connector(), Clock.systemUTC()).grade(null, lab, vars,
                    new Grader.Selection(Set.of(), EnumSet.of(CheckTarget.FILES)), null, staged.file());
            if (!report.gradable()) {
                throw new LabctlException(ExitCode.INTERNAL, "the zip just written cannot be graded: "
                        + report.notGradable(), "run again with -v and report it");
            }
            staged.commit();
            List<Missing> missing = report.checks().stream()
                    .filter(c -> c.status() != CheckStatus.PASSED && c.status() != CheckStatus.PENDING)
                    .map(c -> new Missing(c.id(), c.title(), c.status().name().toLowerCase(Locale.ROOT), c.observed(),
                            c.hint()))
                    .toList();
            PackResult result = new PackResult(target.toString(), contents.packed(), contents.leftOut(),
                    contents.notReadable(), report.score(), report.maxScore(), missing);
            cli.print(result, LabPackCommand::text);
            return missing.isEmpty() ? 0 : ExitCode.CHECKS_FAILED.status();
        }
    }

    /** Before any work: --out must be a new file, or a regular one with --force, and a .zip. */
    private void refuseBadOut(Path target) {
        if (!target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            throw LabctlException.usage("--out " + target.getFileName() + " is not a .zip",
                    "name the hand-in FILE.zip (Moodle takes a zip)");
        }
        var notRegular = AtomicFiles.notRegular(target);
        if (notRegular.isPresent()) {
            throw LabctlException.usage("--out " + target + " is " + notRegular.get() + ", not a regular file",
                    "give the name of a new or existing regular file");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !force) {
            throw LabctlException.usage(target + " already exists", "pass --force to replace it, or another --out FILE.zip");
        }
        if (!Files.isDirectory(target.getParent())) {
            throw LabctlException.usage("folder " + target.getParent() + " does not exist", "create it, or pass another --out");
        }
    }

    private static String points(double value) {
        double rounded = GradeReport.round(value);
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : Double.toString(rounded);
    }

    private static String text(PackResult r, Style style) {
        StringBuilder s = new StringBuilder();
        s.append("Wrote ").append(r.out()).append(" (").append(r.packed().size()).append(" files):\n");
        r.packed().forEach(f -> s.append("  ").append(TerminalText.visible(f)).append('\n'));
        if (!r.leftOut().isEmpty()) {
            s.append("Left out (not asked for): ").append(TerminalText.visible(String.join(", ", r.leftOut()))).append('\n');
        }
        r.notPacked().forEach((f, why) -> s.append("Not packed: ").append(TerminalText.visible(f)).append(' ')
                .append(why).append('\n'));
        s.append("File checks on the zip: ").append(points(r.score())).append('/').append(points(r.maxScore()))
                .append(" points");
        if (r.missing().isEmpty()) {
            s.append(", all passed\n");
            return s.toString();
        }
        s.append("; missing or wrong:\n");
        for (Missing m : r.missing()) {
            s.append("  ").append(m.check()).append(" (").append(m.status()).append("): ")
                    .append(TerminalText.visible(m.title())).append('\n');
            if (m.observed() != null) {
                s.append("    seen: ").append(TerminalText.visible(m.observed())).append('\n');
            }
            if (m.hint() != null) {
                s.append("    fix: ").append(TerminalText.visible(m.hint())).append('\n');
            }
        }
        s.append("Fix these, then pack again with --force.\n");
        return s.toString();
    }
}
