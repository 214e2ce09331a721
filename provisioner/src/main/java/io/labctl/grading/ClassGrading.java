package io.labctl.grading;

import io.labctl.grading.checks.CheckStatus;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.grading.Roster.Student;
import io.labctl.kube.KubeTarget;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Grades many students at once, at most {@code parallel} at a time. Students are independent (each has its own
 * client and context), so a slow or unreachable cluster holds up one slot, not the class. Reports come back in
 * roster order, and each is handed to the progress callback as soon as it is done (to be written then, so a run
 * that is stopped keeps the reports it finished).
 *
 * <p>One student never sinks the class: whatever their grading throws becomes their report, every check an
 * ERROR naming what broke; and a student whose grading runs past the per-student deadline is NOT GRADABLE. The
 * runaway itself is left behind on a daemon thread (interrupted, but parsing code does not look at interrupts):
 * the class goes on without it, and the JVM exits without waiting for it.
 */
public final class ClassGrading {
    private final StudentGrading grading;
    private final Grader grader;

    public ClassGrading(StudentGrading grading) {
        this(grading, new Grader(Clock.systemUTC()));
    }

    /** With the grader that builds the reports of students who did not finish (tests use their own check types). */
    ClassGrading(StudentGrading grading, Grader grader) {
        this.grading = grading;
        this.grader = grader;
    }

    /** One finished student, for progress lines ("[3/30] alice 21.5/30") and for writing their reports. */
    public record Progress(int done, int total, GradeReport report) {
    }

    /** What to grade for everyone, and how: the part of a class run that is the same for every student. */
    public record Run(Lab lab, Map<String, String> cliVars, Grader.Selection selection, int parallel,
                      Duration studentTimeout) {
    }

    public List<GradeReport> grade(Run run, List<Student> students, Consumer<Progress> progress) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(run.parallel(), students.size())),
                r -> daemon(r, "grade"));
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<GradeReport>> futures = new ArrayList<>();
            for (Student s : students) {
                futures.add(pool.submit(() -> {
                    GradeReport report = gradeIsolated(run, s);
                    synchronized (progress) {
                        progress.accept(new Progress(done.incrementAndGet(), students.size(), report));
                    }
                    return report;
                }));
            }
            List<GradeReport> reports = new ArrayList<>();
            for (Future<GradeReport> f : futures) {
                reports.add(f.get());
            }
            return reports;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabctlException(ExitCode.INTERRUPTED, "grading interrupted",
                    "the reports of the students finished so far are written; class.csv was not updated; run again");
        } catch (ExecutionException e) {
            // Only the progress callback (writing reports) can get here: grading itself never throws.
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One student on a thread of their own, so that a deadline can leave a runaway behind. */
    private GradeReport gradeIsolated(Run run, Student s) throws InterruptedException {
        // --set applies to the class; a student's own vars (their namespace) are more specific.
        Map<String, String> vars = new HashMap<>(run.cliVars());
        vars.putAll(s.vars());
        KubeTarget target = s.kubeconfig() == null && s.context() == null ? null
                : new KubeTarget(s.kubeconfig(), s.context(), null);
        FutureTask<GradeReport> task = new FutureTask<>(() ->
                grading.grade(s.id(), run.lab(), vars, run.selection(), target, s.submission()));
        Thread thread = daemon(task, "grade-" + s.id());
        long t0 = System.nanoTime();
        thread.start();
        try {
            return task.get(run.studentTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            return grader.unfinished(s.id(), run.lab(), vars, run.selection(), CheckStatus.NOT_GRADABLE,
                    "grading this student took longer than --student-timeout " + seconds(run.studentTimeout())
                            + " and was stopped; a person has to look at the submission",
                    elapsed(t0));
        } catch (ExecutionException e) {
            return grader.unfinished(s.id(), run.lab(), vars, run.selection(), CheckStatus.ERROR,
                    "grader fault: " + describe(e.getCause()), elapsed(t0));
        }
    }

    /** The failure in one line; its message names the file or cluster it is about. */
    static String describe(Throwable failure) {
        String message = failure.getMessage();
        String what = message == null || message.isBlank() ? failure.getClass().getSimpleName()
                : message.lines().findFirst().orElse("");
        Throwable cause = failure.getCause();
        return cause != null && cause.getMessage() != null && !what.contains(cause.getMessage())
                ? what + " (" + cause.getMessage().lines().findFirst().orElse("") + ")" : what;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static long elapsed(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
