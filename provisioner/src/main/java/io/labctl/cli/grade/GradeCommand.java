package io.labctl.cli.grade;

import io.labctl.cli.Cli;
import io.labctl.cli.GlobalOptionUse;
import io.labctl.cli.UsesGlobalOptions;
import io.labctl.cli.DurationConverter;
import io.labctl.cli.lab.LabOptions;
import io.labctl.cli.lab.PartOption;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.TerminalText;
import io.labctl.grading.ClassGrading;
import io.labctl.grading.GradeReport;
import io.labctl.grading.Grader;
import io.labctl.grading.Lab;
import io.labctl.grading.LabVariables;
import io.labctl.grading.Roster;
import io.labctl.grading.StudentGrading;
import io.labctl.grading.report.ClassCsvFile;
import io.labctl.grading.report.HtmlClassReport;
import io.labctl.kube.KubeTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code labctl grade}: grades one student's cluster and files, or a whole class from a roster, in
 * parallel. Read-only against every cluster. Reports in the formats instructors import.
 */
@Command(name = "grade",
        description = {"Grade a student's live cluster (read-only) and submitted files against a lab, with partial credit, "
                + "what was observed for each check, and hints; or a whole class from a roster, in parallel.",
                "A cluster that cannot be reached is reported as NOT GRADABLE, not as zero points.",
                "Exit 0 when every report was written and all work was gradable; 4 when some was not gradable "
                        + "(the reports say why); 2 for bad input (nothing written)."},
        footerHeading = "%nExamples:%n",
        footer = {"  labctl grade --lab spark-k8s --context alice --submission ./alice --format markdown",
                "  labctl grade --lab spark-k8s --submission ./alice --part files --format gradescope --out results.json",
                "  labctl grade --roster roster.yaml --format json,junit --out-dir grades/   # + grades/class.csv",
                "  labctl grade --roster roster.yaml --only alice                           # regrade one student"})
@UsesGlobalOptions({GlobalOptionUse.CLUSTER, GlobalOptionUse.RESULT})
public final class GradeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LabOptions labOptions;

    @Mixin
    PartOption part;

    @Option(names = "--submission", paramLabel = "PATH", description = "The student's submission: a folder, a .zip or a "
            + ".tar.gz/.tgz (unpacked safely into a temporary folder; links are not created, caps hold).")
    Path submission;

    @Option(names = "--exercise", paramLabel = "EX", split = ",", description = "Grade only these exercises (default: all).")
    List<String> exercises = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", split = ",", defaultValue = "text",
            description = "Report formats: text, json, yaml, junit, gradescope, markdown, csv, html; several with commas "
                    + "(default: ${DEFAULT-VALUE}). html with --roster also writes class.html: the score histogram, "
                    + "per-check rates and a sortable table linking to each student's page; self-contained, opens offline.")
    List<String> formats;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the (single-format) report to FILE instead of stdout.")
    Path out;

    @Option(names = "--out-dir", paramLabel = "DIR",
            description = "Write reports into DIR (report.EXT, or STUDENT.EXT and class.csv with --roster; "
                    + "default for a roster: grades/ beside it).")
    Path outDir;

    @Option(names = "--validate-on", paramLabel = "CONTEXT",
            description = "Validate the submitted YAML on the API server of CONTEXT (of --kubeconfig): a server-side "
                    + "dry-run apply into a scratch namespace that is deleted afterwards (CONTEXT must be allowed to "
                    + "create namespaces and apply; the grading identity is not). Without it, yaml-api-valid checks "
                    + "against the OpenAPI schema of Kubernetes 1.34 shipped in labctl.")
    String validateOn;

    @Option(names = "--roster", paramLabel = "FILE", description = "Grade the class listed in FILE (see labs/README.md).")
    Path roster;

    @Option(names = "--only", paramLabel = "STUDENT", split = ",",
            description = "With --roster: (re)grade only these students; class.csv keeps the others' rows.")
    List<String> only = new ArrayList<>();

    @Option(names = "--parallel", paramLabel = "N", description = "With --roster: students graded at once (default: the "
            + "roster's, else 8).")
    Integer parallel;

    @Option(names = "--student-timeout", paramLabel = "DURATION", defaultValue = "60s",
            converter = DurationConverter.class,
            description = "With --roster: a student whose grading takes longer is NOT GRADABLE and the class goes on "
                    + "(default: ${DEFAULT-VALUE}: a few times the slowest normal student, whose cluster does not "
                    + "answer and costs its connect timeouts).")
    Duration studentTimeout;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        ReportFiles files = new ReportFiles(ReportFiles.parseFormats(requestedFormats(cli)));
        if (roster == null) {
            if (!only.isEmpty() || parallel != null) {
                throw LabctlException.usage("--only and --parallel need --roster", "grade a class with --roster FILE");
            }
            if (out != null && outDir != null) {
                throw LabctlException.usage("--out and --out-dir exclude each other", "give one of them");
            }
            if (out != null && files.formats().size() > 1) {
                throw LabctlException.usage("--out takes one format, not " + files.formats().size(),
                        "use --out-dir DIR for several formats");
            }
            if (out == null && outDir == null && files.formats().size() > 1) {
                // Two documents on one stdout are neither valid JSON nor valid XML.
                throw LabctlException.usage("stdout takes one format, not " + files.formats().size(),
                        "use --out-dir DIR for several formats, or give one --format");
            }
            return gradeOne(cli, files);
        }
        if (out != null || submission != null) {
            throw LabctlException.usage("--out and --submission do not go with --roster",
                    "the roster names each student's submission; reports go to --out-dir");
        }
        if (parallel != null && parallel < 1) {
            throw LabctlException.usage("--parallel must be at least 1", "e.g. --parallel 8");
        }
        if (studentTimeout.isNegative() || studentTimeout.isZero()) {
            throw LabctlException.usage("--student-timeout must be positive", "e.g. --student-timeout 60s");
        }
        return gradeClass(cli, files);
    }

    /**
     * --format, or kubectl's -o json|yaml meaning the same; both given, they must agree. -o text is the default
     * and leaves --format alone.
     */
    private List<String> requestedFormats(Cli cli) {
        String output = cli.options().output().name();
        if (output.equals("text")) {
            return formats;
        }
        boolean formatGiven = spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption("--format");
        if (formatGiven && !formats.equals(List.of(output))) {
            throw LabctlException.usage("-o " + output + " and --format " + String.join(",", formats) + " disagree",
                    "give one of them (-o json|yaml is --format json|yaml)");
        }
        return List.of(output);
    }

    private int gradeOne(Cli cli, ReportFiles files) {
        Lab lab = labOptions.load("spark-k8s", Path.of("").toAbsolutePath());
        Map<String, String> vars = labOptions.vars(lab, null);
        Grader.Selection selection = labOptions.selection(lab, exercises, part);
        KubeTarget target = new KubeTarget(cli.options().kubeconfigFile(), cli.target().context(), null);
        if (out != null) {
            ReportFiles.requireRegularOrAbsent(out, "--out");
        }
        if (outDir != null) {
            files.targets(outDir, "report").forEach(f -> ReportFiles.requireRegularOrAbsent(f, "--out-dir"));
        }
        if (outDir != null || out != null) {
            ReportFiles.requireWritable(outDir != null ? outDir : out.toAbsolutePath().getParent());
        }
        GradeReport report;
        try (Validation validation = Validation.open(cli, validateOn)) {
            report = validation.apply(new StudentGrading(cli.connector(), Clock.systemUTC()))
                    .grade(null, lab, vars, selection, target, submission);
        }
        if (outDir != null) {
            files.writeAll(outDir, "report", report).forEach(p -> cli.err().println("wrote " + p));
        } else if (out != null) {
            files.writeAll(out, report);
            cli.err().println("wrote " + out);
        } else {
            files.print(report, cli.out(), cli.marks());
        }
        cli.err().println(summary(report));
        return report.gradable() ? 0 : ExitCode.UNREACHABLE.status();
    }

    private int gradeClass(Cli cli, ReportFiles files) {
        Roster r = Roster.read(roster);
        Lab lab = labOptions.load(r.lab(), r.dir());
        Map<String, String> vars = labOptions.vars(lab, null);
        for (Roster.Student s : r.students()) {
            LabVariables.requireKnown(lab, s.vars(), roster + ": student " + s.id() + " vars");
        }
        Grader.Selection selection = labOptions.selection(lab, exercises, part);
        List<Roster.Student> students = selected(r);
        int bound = parallel != null ? parallel : r.parallel() != null ? r.parallel() : 8;
        Path dir = outDir != null ? outDir : r.dir().resolve("grades");
        for (Roster.Student s : students) {
            files.targets(dir, s.id()).forEach(f -> ReportFiles.requireRegularOrAbsent(f, "--out-dir"));
        }
        ReportFiles.requireRegularOrAbsent(dir.resolve(ClassCsvFile.NAME), "--out-dir");
        ReportFiles.requireRegularOrAbsent(dir.resolve(HtmlClassReport.NAME), "--out-dir");
        ReportFiles.requireWritable(dir);
        long t0 = System.nanoTime();
        cli.err().println("Grading " + students.size() + " student(s) of " + lab.name() + ", " + bound + " at a time");
        // Each student's reports are written as soon as they are done: a run stopped half-way keeps them.
        ClassGrading.Run run = new ClassGrading.Run(lab, vars, selection, bound, studentTimeout);
        List<GradeReport> reports;
        try (Validation validation = Validation.open(cli, validateOn)) {
            reports = new ClassGrading(validation.apply(new StudentGrading(cli.connector(), Clock.systemUTC())))
                    .grade(run, students, p -> {
                        files.writeAll(dir, p.report().student(), p.report());
                        cli.err().println(String.format(Locale.ROOT, "[%d/%d] %-16s %s", p.done(), p.total(),
                                p.report().student(), summary(p.report())));
                    });
        }
        Path classCsv = files.writeClassCsv(dir, reports, !only.isEmpty());
        // The page shows this run's students: with --only, the ones regraded (class.csv keeps everyone).
        files.writeClassHtml(dir, reports).ifPresent(p -> cli.err().println("wrote " + p));
        long notGradable = reports.stream().filter(rep -> !rep.gradable()).count();
        cli.out().println(String.format(Locale.ROOT, "graded %d student(s) in %.1fs (%d not gradable); reports in %s, "
                + "class table %s", reports.size(), (System.nanoTime() - t0) / 1e9, notGradable, dir, classCsv));
        cli.out().flush();
        return notGradable == 0 ? 0 : ExitCode.UNREACHABLE.status();
    }

    private List<Roster.Student> selected(Roster r) {
        if (only.isEmpty()) {
            return r.students();
        }
        Set<String> wanted = new LinkedHashSet<>(only);
        List<Roster.Student> chosen = r.students().stream().filter(s -> wanted.contains(s.id())).toList();
        if (chosen.size() != wanted.size()) {
            wanted.removeAll(chosen.stream().map(Roster.Student::id).toList());
            throw LabctlException.usage("--only names students not in " + roster + ": " + String.join(", ", wanted),
                    "use the ids of the roster's students");
        }
        return chosen;
    }

    /** "21.5/30", or with why it was not gradable; shown on a terminal, so control characters are made visible. */
    static String summary(GradeReport report) {
        String score = format(report.score()) + "/" + format(report.maxScore());
        return report.gradable() ? score : score + " NOT GRADABLE: " + TerminalText.oneLine(report.notGradable());
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
