package io.labctl.grading;

import io.labctl.grading.checks.CheckStatus;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.labctl.grading.Lab.CheckSpec;
import io.labctl.grading.Lab.Exercise;
import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckTarget;
import io.labctl.grading.checks.CheckType;
import io.labctl.grading.checks.GradingContext;
import io.labctl.grading.files.Submission;
import io.labctl.grading.files.UnreadableFileException;
import io.labctl.grading.live.LiveCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unit tier: the grading rules (points, partial credit, prerequisites, not gradable versus failed
 * versus error) with in-memory check types; no check here touches a cluster.
 */
class GraderTest {
    // Points at a closed loopback port: the grader's own fingerprint read (node names) fails fast and is ignored.
    private final io.fabric8.kubernetes.client.KubernetesClient client = new KubernetesClientBuilder()
            .withConfig(new ConfigBuilder().withMasterUrl("https://127.0.0.1:1").withRequestRetryBackoffLimit(0).build())
            .build();
    private final LiveCluster cluster = new LiveCluster(client, "test");

    @TempDir
    Path folder;

    @AfterEach
    void close() {
        client.close();
    }

    private static final Map<String, CheckType> TYPES = Map.of(
            "ok", type("ok", CheckTarget.CLUSTER, ctx -> CheckOutcome.pass("fine")),
            "third", type("third", CheckTarget.CLUSTER, ctx -> CheckOutcome.parts(1, 3, "1 of 3", "two missing")),
            "wrong", type("wrong", CheckTarget.CLUSTER, ctx -> CheckOutcome.fail("saw X")),
            "forbidden", type("forbidden", CheckTarget.CLUSTER, ctx -> {
                throw new KubernetesClientException("pods is forbidden", 403, null);
            }),
            "down", type("down", CheckTarget.CLUSTER, ctx -> {
                throw new KubernetesClientException("connect", new ConnectException("Connection refused"));
            }),
            "file", type("file", CheckTarget.FILES, ctx -> CheckOutcome.pass("file fine")),
            "linked", type("linked", CheckTarget.FILES, ctx -> {
                throw new UnreadableFileException("k8s/x.yaml", "is a symbolic link; links are not followed");
            }),
            "deep", type("deep", CheckTarget.FILES, ctx -> {
                throw new StackOverflowError();
            }));

    private static CheckType type(String name, CheckTarget target, java.util.function.Function<GradingContext, CheckOutcome> body) {
        return new CheckType(name, target, name, params -> body::apply);
    }

    private static CheckSpec spec(String id, String type, double points, String... requires) {
        return new CheckSpec(id, type, "title of " + id, points, "lab hint for " + id, List.of(requires), Map.of(),
                List.of("t"), null);
    }

    private GradeReport grade(GradingContext context, CheckSpec... checks) {
        Lab lab = new Lab("l", "L", "test", Map.of(), List.of(new Exercise("ex1", "E", null, List.of(), List.of(checks))));
        return new Grader(Clock.systemUTC(), n -> Optional.ofNullable(TYPES.get(n)))
                .grade("alice", lab, Map.of(), Grader.Selection.everything(), context, "uid-1");
    }

    private GradingContext live() {
        return GradingContext.of(cluster, null, null, "no submission folder given");
    }

    @Test
    void partialCredit_isAShareOfThePoints_roundedToTwoDecimals_withTheCheckHint() {
        GradeReport r = grade(live(), spec("a", "ok", 2), spec("b", "third", 1));

        assertThat(r.checks()).extracting(CheckResult::status).containsExactly(CheckStatus.PASSED, CheckStatus.PARTIAL);
        assertThat(r.checks().get(1).points()).isEqualTo(0.33);
        assertThat(r.checks().get(1).hint()).isEqualTo("two missing");
        assertThat(r.checks().get(0).hint()).isNull();
        assertThat(r.score()).isEqualTo(2.33);
        assertThat(r.maxScore()).isEqualTo(3.0);
        assertThat(r.fingerprint().clusterUid()).isEqualTo("uid-1");
    }

    @Test
    void failedPrerequisite_skipsTheDependent_withoutPoints() {
        GradeReport r = grade(live(), spec("a", "wrong", 1), spec("b", "ok", 2, "a"));

        assertThat(r.checks().get(0).hint()).isEqualTo("lab hint for a");
        assertThat(r.checks().get(1).status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(r.checks().get(1).observed()).contains("prerequisite ex1.a did not pass");
        assertThat(r.score()).isZero();
        assertThat(r.gradable()).isTrue();
    }

    @Test
    void forbidden_isAnError_forAPersonToLookAt_andNamesTheGraderRole() {
        GradeReport r = grade(live(), spec("a", "forbidden", 1), spec("b", "ok", 1));

        assertThat(r.checks().get(0).status()).isEqualTo(CheckStatus.ERROR);
        assertThat(r.checks().get(0).observed()).contains("grader-rbac.yaml");
        assertThat(r.checks().get(1).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(r.gradable()).isTrue();
    }

    @Test
    void clusterLostMidway_makesTheRestNotGradable_evenDependents_butFilesStillGraded() {
        GradingContext context = GradingContext.of(cluster, null, Submission.read(folder), null);
        GradeReport r = grade(context, spec("a", "down", 1), spec("b", "ok", 1), spec("c", "ok", 1, "a"), spec("d", "file", 1));

        assertThat(r.checks()).extracting(CheckResult::status).containsExactly(CheckStatus.NOT_GRADABLE,
                CheckStatus.NOT_GRADABLE, CheckStatus.NOT_GRADABLE, CheckStatus.PASSED);
        assertThat(r.checks().get(1).observed()).contains("cannot reach");
        assertThat(r.notGradable()).contains("cannot reach").doesNotContain("submission");
        assertThat(r.score()).isEqualTo(1.0);
        assertThat(r.gradable()).isFalse();
    }

    @Test
    void noCluster_liveChecksAreNotGradable_withTheReason_andNoPoints() {
        GradingContext context = GradingContext.of(null, "cluster unreachable: x", null, "no submission folder given");
        GradeReport r = grade(context, spec("a", "ok", 1));

        assertThat(r.checks().get(0).status()).isEqualTo(CheckStatus.NOT_GRADABLE);
        assertThat(r.checks().get(0).observed()).isEqualTo("cluster unreachable: x");
        assertThat(r.checks().get(0).points()).isZero();
    }

    @Test
    void unreadableFile_isAnErrorOfThatCheckNamingTheFile_withAHintForAPerson_otherChecksRun() throws Exception {
        // Given a submission and a check that needs a file the grader refused to read
        GradingContext files = GradingContext.of(null, "no cluster", Submission.read(folder), null);

        // When graded
        GradeReport r = grade(files, spec("a", "linked", 2), spec("b", "file", 1), spec("c", "deep", 1));

        // Then that check is an ERROR naming the file (not the student's FAILED), and the others still run
        assertThat(r.checks().get(0)).satisfies(c -> {
            assertThat(c.status()).isEqualTo(CheckStatus.ERROR);
            assertThat(c.observed()).isEqualTo("k8s/x.yaml is a symbolic link; links are not followed");
            assertThat(c.hint()).startsWith("a person has to look at k8s/x.yaml");
        });
        assertThat(r.checks().get(1).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(r.checks().get(2).status()).isEqualTo(CheckStatus.ERROR);
        assertThat(r.checks().get(2).observed()).contains("nested too deeply");
    }
}
