package io.labctl.grading;

import io.labctl.grading.checks.CheckStatus;
import io.labctl.grading.Lab.CheckSpec;
import io.labctl.grading.Lab.Exercise;
import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckTarget;
import io.labctl.grading.checks.CheckType;
import io.labctl.grading.checks.GradingContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unit tier: one student never sinks the class. In-memory check types stand in for a runaway parser (ignoring
 * interrupts, as java.util.regex does) and for a failure outside any check's own error handling.
 */
class ClassGradingTest {
    private final AtomicBoolean release = new AtomicBoolean();
    private final CountDownLatch othersReported = new CountDownLatch(2);
    private final AtomicBoolean sawOthersFirst = new AtomicBoolean();

    @TempDir
    Path dir;

    @AfterEach
    void releaseRunaways() {
        release.set(true);
    }

    private final Map<String, Function<GradingContext, CheckOutcome>> behaviours = Map.of(
            "ok", ctx -> CheckOutcome.pass("fine"),
            "runaway", ctx -> {
                while (!release.get()) {
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException ignored) {
                        // a runaway regular expression does not look at interrupts either
                    }
                }
                return CheckOutcome.pass("too late");
            },
            "linkage", ctx -> {
                throw new LinkageError("cannot parse base/Dockerfile: broken class");
            },
            "waits-for-others", ctx -> {
                try {
                    sawOthersFirst.set(othersReported.await(10, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return CheckOutcome.pass("after the others");
            });

    @Test
    void grade_studentPastTheDeadline_isNotGradable_andTheOthersAreGraded() throws IOException {
        // Given bob, whose grading never ends, between alice and carol
        List<Roster.Student> students = List.of(student("alice", "ok"), student("bob", "runaway"), student("carol", "ok"));

        // When graded with a 300 ms deadline per student
        List<GradeReport> reports = grade(students, 3, Duration.ofMillis(300), p -> { });

        // Then bob is not gradable, with the reason on every check, and the others are graded
        assertThat(reports).extracting(GradeReport::student).containsExactly("alice", "bob", "carol");
        GradeReport bob = reports.get(1);
        assertThat(bob.gradable()).isFalse();
        assertThat(bob.notGradable()).contains("took longer than --student-timeout 300ms");
        assertThat(bob.checks()).singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(CheckStatus.NOT_GRADABLE));
        assertThat(List.of(reports.get(0), reports.get(2))).allSatisfy(r -> assertThat(r.score()).isEqualTo(1.0));
    }

    @Test
    void grade_aFailureOutsideAnyCheck_isThatStudentsError_namingWhatBroke() throws IOException {
        // Given bob, whose grading throws an Error no check catches
        List<Roster.Student> students = List.of(student("alice", "ok"), student("bob", "linkage"), student("carol", "ok"));

        // When graded
        List<GradeReport> reports = grade(students, 2, Duration.ofSeconds(30), p -> { });

        // Then bob's report is an error naming the file, the class is graded, and bob is not "not gradable"
        GradeReport bob = reports.get(1);
        assertThat(bob.checks()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(CheckStatus.ERROR);
            assertThat(c.observed()).isEqualTo("grader fault: cannot parse base/Dockerfile: broken class");
        });
        assertThat(List.of(reports.get(0), reports.get(2))).allSatisfy(r -> assertThat(r.score()).isEqualTo(1.0));
    }

    @Test
    void grade_eachReportIsHandedOver_whenItsStudentFinishes_notAtTheEnd() throws IOException {
        // Given carol, who finishes only once the other two have been handed to the callback (or after 10 s)
        List<Roster.Student> students = List.of(student("carol", "waits-for-others"), student("alice", "ok"),
                student("bob", "ok"));
        List<String> order = new ArrayList<>();

        // When graded two at a time
        grade(students, 2, Duration.ofSeconds(30), p -> {
            order.add(p.report().student());
            if (!p.report().student().equals("carol")) {
                othersReported.countDown();
            }
        });

        // Then alice and bob were handed over while carol was still being graded
        assertThat(sawOthersFirst).isTrue();
        assertThat(order).containsExactly("alice", "bob", "carol");
    }

    private List<GradeReport> grade(List<Roster.Student> students, int parallel, Duration timeout,
                                    java.util.function.Consumer<ClassGrading.Progress> progress) {
        Lab lab = new Lab("l", "L", "test", Map.of("behaviour", "ok"), List.of(new Exercise("ex1", "E", null, List.of(),
                List.of(new CheckSpec("c", "by-student", "the check", 1, "hint", List.of(), Map.of("behaviour", "${behaviour}"),
                        List.of(), null)))));
        CheckType byStudent = new CheckType("by-student", CheckTarget.FILES, "runs the student's behaviour",
                params -> ctx -> behaviours.get(params.string("behaviour", "ok")).apply(ctx));
        Grader grader = new Grader(Clock.systemUTC(), n -> Optional.of(byStudent));
        return new ClassGrading(new StudentGrading(null, grader), grader)
                .grade(new ClassGrading.Run(lab, Map.of(), Grader.Selection.everything(), parallel, timeout),
                        students, progress);
    }

    private Roster.Student student(String id, String behaviour) throws IOException {
        Path submission = Files.createDirectories(dir.resolve(id));
        return new Roster.Student(id, null, null, submission, Map.of("behaviour", behaviour));
    }
}
