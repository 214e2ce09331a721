package io.labctl.grading;

import io.labctl.cli.CliRun;
import io.labctl.grading.files.ReferenceSubmission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unit tier (real files, real CLI, no cluster): the submitted-files part of the built-in lab, graded
 * with {@code labctl grade --part files}, on the reference submission and on broken variants with one
 * mistake each. Each variant must lose exactly the intended points, on the intended check, with a hint
 * that names the mistake. The live-cluster variants are in {@link GradingLabctlReferenceIT} and
 * {@link GradingKubectlReferenceIT}.
 */
class GradingFileVariantsTest {
    @TempDir
    Path home;

    /** One mistake: writes the reference submission with that mistake into a folder, returns the folder. */
    record Mistake(String name, UnaryOperator<Path> submission) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> variants() {
        return Stream.of(
                Arguments.of(new Mistake("wrong base image", dir -> ReferenceSubmission.withReplaced(dir,
                                "base/Dockerfile", "ARG BASE_IMAGE=ubuntu:22.04", "ARG BASE_IMAGE=ubuntu:20.04")),
                        Map.of("ex2.base-image", 2.0), "ubuntu:20.04"),
                Arguments.of(new Mistake("Spark outside /opt", dir -> ReferenceSubmission.withReplaced(dir,
                                "base/Dockerfile", "/opt/spark", "/usr/local/spark")),
                        Map.of("ex2.spark-in-opt", 1.0), "/usr/local/spark"),
                Arguments.of(new Mistake("selector does not match the template",
                                dir -> ReferenceSubmission.withReplacedInYaml(dir,
                                        "      app: spark\n      component: worker\n  template:",
                                        "      app: spark\n      component: workers\n  template:")),
                        // Partial credit: one of the three selectors (master, worker, Service) is wrong.
                        Map.of("ex3.yaml-selectors", 0.33), "spark-worker"),
                Arguments.of(new Mistake("Service named spark-master",
                                dir -> ReferenceSubmission.withReplacedInYaml(dir,
                                        "spark-master-svc", "spark-master")),
                        Map.of("ex3.yaml-service-links", 1.0), "SPARK_MASTER_PORT"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void eachMistake_losesExactlyItsPoints_withAHintNamingIt(Mistake mistake, Map<String, Double> lost, String inHint) {
        GradeJson report = gradeFiles(mistake.submission().apply(home.resolve("student")));

        assertThat(report.lost()).as(report.explain().toString()).isEqualTo(lost);
        String check = lost.keySet().iterator().next();
        assertThat(report.check(check).get("hint").asText()).contains(inHint);
        assertThat(report.score()).isEqualTo(report.maxScore() - lost.values().stream().mapToDouble(d -> d).sum());
    }

    @Test
    void reference_getsFullMarksOnTheFiles() {
        GradeJson report = gradeFiles(ReferenceSubmission.write(home.resolve("student")));
        assertThat(report.lost()).as(report.explain().toString()).isEmpty();
        assertThat(report.maxScore()).isEqualTo(26.0);
    }

    @Test
    void reportAnswers_areQuotedInEveryFormat() throws Exception {
        Path submission = ReferenceSubmission.write(home.resolve("student"));
        String quote = "`kubectl delete -f spark.yaml` removes both Deployments and the Service.";

        for (String format : List.of("text", "json", "junit", "gradescope", "markdown", "csv")) {
            CliRun r = CliRun.run(home, "grade", "--lab", "spark-k8s", "--part", "files", "--submission",
                    submission.toString(), "--format", format);
            assertThat(r.status()).as(r.err()).isZero();
            // JSON escapes nothing here, XML and CSV may quote; the words are there in each
            assertThat(r.out()).as(format).contains("removes both Deployments and the Service.");
        }
        assertThat(quote).isNotBlank();
    }

    @Test
    void reviewManual_inAnExtendingLab_showsTheQuoteWithNoPointsPending() throws Exception {
        Path submission = ReferenceSubmission.write(home.resolve("student"));
        Path lab = Files.writeString(home.resolve("course.yaml"),
                "extends: spark-k8s\noverrides:\n  ex4.report-ex4: {review: manual}\n");

        CliRun r = CliRun.run(home, "grade", "--lab", lab.toString(), "--part", "files", "--submission",
                submission.toString(), "--format", "json");

        assertThat(r.status()).as(r.err()).isZero();
        GradeJson report = GradeJson.parse(r.out());
        assertThat(report.check("ex4.report-ex4").get("status").asText()).isEqualTo("pending");
        assertThat(report.check("ex4.report-ex4").get("points").asDouble()).isZero();
        assertThat(report.check("ex4.report-ex4").get("observed").asText()).contains("Two Spark clusters on the same infrastructure (line 36: \"");
        CliRun text = CliRun.run(home, "grade", "--lab", lab.toString(), "--part", "files", "--submission",
                submission.toString(), "--format", "text");
        assertThat(text.out()).contains("ex4.report-ex4").contains("0/4 pending").contains("Two Spark clusters on the same");
    }

    private GradeJson gradeFiles(Path submission) {
        CliRun r = CliRun.run(home, "grade", "--lab", "spark-k8s", "--part", "files", "--submission",
                submission.toString(), "--format", "json");
        assertThat(r.status()).as(r.err()).isZero();
        return GradeJson.parse(r.out());
    }
}
