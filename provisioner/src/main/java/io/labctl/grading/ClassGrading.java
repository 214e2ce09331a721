package io.labctl.grading;

import io.labctl.grading.Roster.Student;
import io.labctl.kube.KubeTarget;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Grades many students at once, at most {@code parallel} at a time. Students are independent
 * (each has its own client and context), so a slow or unreachable cluster holds up one slot, not
 * the class. Reports come back in roster order.
 */
public final class ClassGrading {
    private final StudentGrading grading;

    public ClassGrading(StudentGrading grading) {
        this.grading = grading;
    }

    /** One finished student, for progress lines ("[3/30] alice 21.5/30"). */
    public record Progress(int done, int total, GradeReport report) {
    }

    public List<GradeReport> grade(Lab lab, Map<String, String> cliVars, Grader.Selection selection,
                                   List<Student> students, int parallel, Consumer<Progress> progress) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, students.size())), r -> {
            Thread t = new Thread(r, "grade");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<GradeReport>> futures = new ArrayList<>();
            for (Student s : students) {
                futures.add(pool.submit(() -> {
                    // --set applies to the class; a student's own vars (their namespace) are more specific.
                    Map<String, String> vars = new HashMap<>(cliVars);
                    vars.putAll(s.vars());
                    KubeTarget target = s.kubeconfig() == null && s.context() == null ? null
                            : new KubeTarget(s.kubeconfig(), s.context(), null);
                    GradeReport report = grading.grade(s.id(), lab, vars, selection, target, s.submission());
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
            throw new io.labctl.core.LabctlException(io.labctl.core.ExitCode.INTERRUPTED, "grading interrupted",
                    "reports of students finished so far were not written; run again");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
