package io.labctl.grading;

import io.labctl.grading.checks.CheckStatus;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.grading.Lab.CheckSpec;
import io.labctl.grading.Lab.Exercise;
import io.labctl.grading.checks.Check;
import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckParams;
import io.labctl.grading.checks.CheckTarget;
import io.labctl.grading.checks.CheckType;
import io.labctl.grading.checks.GradingContext;
import io.labctl.grading.checks.GradedCluster;
import io.labctl.grading.checks.GradedSubmission;
import io.labctl.grading.files.UnreadableFileException;
import io.labctl.kube.ApiServerProxy;
import io.labctl.kube.KubeErrors;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs the checks of a lab against one student's work and builds the report. The same code serves
 * {@code labctl grade} (instructors) and {@code labctl lab check} (students).
 *
 * <p>Rules: checks run in lab order; a check whose prerequisite did not pass is SKIPPED (prerequisites
 * outside the selected exercises are not considered); a check whose target is missing is NOT_GRADABLE;
 * a cluster that stops answering mid-way makes the remaining live checks NOT_GRADABLE rather than
 * each waiting for a timeout; a permission the grader lacks is an ERROR, never the student's loss.
 */
public final class Grader {
    private final Clock clock;
    private final Function<String, Optional<CheckType>> types;

    public Grader(Clock clock) {
        this(clock, CheckTypes::named);
    }

    /** With a check type lookup of its own (unit tests grade with in-memory check types). */
    Grader(Clock clock, Function<String, Optional<CheckType>> types) {
        this.clock = clock;
        this.types = types;
    }

    /** What to grade, for one student. */
    public record Selection(Set<String> exercises, Set<CheckTarget> targets) {
        public static Selection everything() {
            return new Selection(Set.of(), Set.of(CheckTarget.values()));
        }

        boolean includes(Exercise ex) {
            return exercises.isEmpty() || exercises.contains(ex.id());
        }
    }

    public GradeReport grade(String student, Lab lab, Map<String, String> vars, Selection selection,
                             GradingContext context, String clusterUid) {
        Instant start = clock.instant();
        long t0 = System.nanoTime();
        Map<String, String> effective = new HashMap<>(lab.vars());
        effective.putAll(vars);
        Map<String, CheckStatus> done = new HashMap<>();
        List<CheckResult> results = new ArrayList<>();
        String clusterLost = null;
        for (Exercise ex : lab.exercises()) {
            if (!selection.includes(ex)) {
                continue;
            }
            for (CheckSpec spec : ex.checks()) {
                CheckType type = types.apply(spec.type()).orElseThrow();
                if (!selection.targets().contains(type.target())) {
                    continue;
                }
                String qid = ex.id() + "." + spec.id();
                long c0 = System.nanoTime();
                CheckOutcome outcome;
                String failedPrerequisite = failedPrerequisite(ex, spec, done);
                if (failedPrerequisite != null && done.get(failedPrerequisite) == CheckStatus.NOT_GRADABLE) {
                    // Not graded for the same reason as its prerequisite: never "skipped", which reads as the student's.
                    outcome = CheckOutcome.notGradable(results.stream().filter(r -> r.id().equals(failedPrerequisite))
                            .findFirst().map(CheckResult::observed).orElse("prerequisite not gradable"));
                } else if (failedPrerequisite != null) {
                    outcome = new CheckOutcome(CheckStatus.SKIPPED, 0, "not run: prerequisite " + failedPrerequisite
                            + " did not pass", null);
                } else if (type.target().needsCluster() && (context.clusterUnavailable() != null || clusterLost != null)) {
                    outcome = CheckOutcome.notGradable(clusterLost != null ? clusterLost : context.clusterUnavailable());
                } else if (type.target().needsFiles() && context.submissionUnavailable() != null) {
                    outcome = CheckOutcome.notGradable(context.submissionUnavailable());
                } else {
                    outcome = reviewed(spec, run(type, spec, qid, lab, effective, context));
                    if (outcome.status() == CheckStatus.NOT_GRADABLE && type.target().needsCluster()) {
                        clusterLost = outcome.observed();
                    }
                }
                done.put(qid, outcome.status());
                results.add(result(ex, spec, qid, outcome, effective, (System.nanoTime() - c0) / 1_000_000));
            }
        }
        String notGradable = results.stream().filter(r -> r.status() == CheckStatus.NOT_GRADABLE)
                .map(CheckResult::observed).distinct().reduce((a, b) -> a + "; " + b).orElse(null);
        // A cluster that stopped answering would only make the fingerprint wait for one more timeout.
        List<String> nodes = clusterLost != null ? List.of() : context.cluster().map(GradedCluster::nodeNames).orElse(List.of());
        Fingerprint fingerprint = new Fingerprint(clusterUid,
                context.cluster().map(GradedCluster::server).orElse(null),
                context.cluster().map(GradedCluster::context).orElse(null),
                nodes,
                context.submission().map(Grader::fileEvidence).orElse(Map.of()),
                context.cluster().map(GradedCluster::masterJson).orElse(Map.of()));
        return new GradeReport(student, lab.name(), lab.title(), start, (System.nanoTime() - t0) / 1_000_000, results,
                notGradable, fingerprint);
    }

    /**
     * Grades nothing: every selected check gets {@code status} with {@code why} as what was observed. For a
     * student whose grading failed as a whole (an ERROR naming what broke) or ran past its deadline (NOT
     * GRADABLE), so that their report and class row still have every check of the lab.
     */
    public GradeReport unfinished(String student, Lab lab, Map<String, String> vars, Selection selection,
                                  CheckStatus status, String why, long millis) {
        Map<String, String> effective = new HashMap<>(lab.vars());
        effective.putAll(vars);
        List<CheckResult> results = new ArrayList<>();
        for (Exercise ex : lab.exercises()) {
            if (!selection.includes(ex)) {
                continue;
            }
            for (CheckSpec spec : ex.checks()) {
                CheckType type = types.apply(spec.type()).orElseThrow();
                if (selection.targets().contains(type.target())) {
                    CheckOutcome outcome = new CheckOutcome(status, 0, why, null);
                    results.add(result(ex, spec, ex.id() + "." + spec.id(), outcome, effective, 0));
                }
            }
        }
        return new GradeReport(student, lab.name(), lab.title(), clock.instant().minusMillis(millis), millis, results,
                status == CheckStatus.NOT_GRADABLE ? why : null, Fingerprint.empty());
    }

    /**
     * With {@code review: manual}, what the check found waits for a person: no points yet, what it observed (the
     * quoted answer) kept for the review. A check that could not look (ERROR, NOT GRADABLE) stays as it is.
     */
    private static CheckOutcome reviewed(CheckSpec spec, CheckOutcome outcome) {
        if (!spec.manualReview() || outcome.status() == CheckStatus.ERROR || outcome.status() == CheckStatus.NOT_GRADABLE) {
            return outcome;
        }
        return new CheckOutcome(CheckStatus.PENDING, 0, outcome.observed(), "pending: your instructor reviews this"
                + " answer and gives the points", outcome.quotes());
    }

    /** SHA-256 of every file read, and for each refused file why it was not read (never a hash of its target). */
    private static Map<String, String> fileEvidence(GradedSubmission submission) {
        Map<String, String> files = new HashMap<>(submission.sha256());
        submission.refused().forEach((file, reason) -> files.put(file, "not read: " + file + " " + reason));
        return files;
    }

    private static String failedPrerequisite(Exercise ex, CheckSpec spec, Map<String, CheckStatus> done) {
        for (String r : spec.requires()) {
            String qid = r.contains(".") ? r : ex.id() + "." + r;
            CheckStatus status = done.get(qid);
            if (status != null && status != CheckStatus.PASSED) {
                return qid;
            }
        }
        return null;
    }

    private static CheckOutcome run(CheckType type, CheckSpec spec, String qid, Lab lab, Map<String, String> vars,
                                    GradingContext context) {
        Check check = instantiate(type, spec, qid, lab, vars);
        try {
            return check.evaluate(context);
        } catch (UnreadableFileException e) {
            return new CheckOutcome(CheckStatus.ERROR, 0, e.getMessage(), "a person has to look at " + e.file()
                    + " (the grader does not follow links, open devices or read past its caps; see `labctl grade"
                    + " --help`), or ask the student to submit it as a plain file");
        } catch (StackOverflowError e) {
            // A parser recursing on a pathologically nested file: that file's problem, not the whole class's.
            return CheckOutcome.error("grader fault: a submitted file is nested too deeply to be read by " + qid);
        } catch (ApiServerProxy.ProxyException e) {
            return CheckOutcome.error("the grader could not read the Spark master through the API server's proxy: "
                    + e.getMessage() + (e.code() == 403 ? " (the grading identity needs get on pods/proxy: "
                    + "kubectl apply -f manifests/grading/grader-rbac.yaml)" : ""));
        } catch (RuntimeException e) {
            String server = context.cluster().map(GradedCluster::server).orElse("the cluster");
            LabctlException failure = KubeErrors.translate(e, server, "grade " + qid);
            if (type.target().needsCluster() && failure.exitCode() == ExitCode.UNREACHABLE) {
                return CheckOutcome.notGradable(failure.getMessage());
            }
            if (failure.exitCode() == ExitCode.FORBIDDEN) {
                return CheckOutcome.error(failure.getMessage() + " (the grading identity needs read access: "
                        + "kubectl apply -f manifests/grading/grader-rbac.yaml)");
            }
            return CheckOutcome.error("grader fault: " + failure.getMessage());
        }
    }

    /** Builds a check with the variables substituted; also how lab files are validated when loaded. */
    static Check instantiate(CheckType type, CheckSpec spec, String qid, Lab lab, Map<String, String> vars) {
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) LabVariables.substituteTree(spec.params(), vars);
        return type.factory().apply(new CheckParams(lab.source() + ": " + qid, params));
    }

    private static CheckResult result(Exercise ex, CheckSpec spec, String qid, CheckOutcome outcome,
                                      Map<String, String> vars, long millis) {
        double points = switch (outcome.status()) {
            case PASSED -> spec.points();
            case PARTIAL -> GradeReport.round(spec.points() * outcome.fraction());
            default -> 0.0;
        };
        String hint = switch (outcome.status()) {
            case PASSED -> null;
            case FAILED, PARTIAL -> outcome.hint() != null ? outcome.hint() : LabVariables.substitute(spec.hint(), vars);
            default -> outcome.hint();
        };
        List<String> tags = new ArrayList<>(spec.tags());
        return new CheckResult(ex.id(), qid, LabVariables.substitute(spec.title(), vars), points, spec.points(),
                outcome.status(), outcome.observed(), hint, tags, spec.visibility(), millis, outcome.quotes());
    }
}
