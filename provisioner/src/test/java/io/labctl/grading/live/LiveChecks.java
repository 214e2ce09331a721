package io.labctl.grading.live;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.labctl.grading.CheckResult;
import io.labctl.grading.checks.CheckStatus;
import io.labctl.grading.GradeReport;
import io.labctl.grading.Grader;
import io.labctl.grading.Lab;
import io.labctl.grading.checks.CheckParams;
import io.labctl.grading.checks.GradingContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** What the live checks' unit tests share: params, a namespace per test, and grading one check as the Grader does. */
final class LiveChecks {
    /** The points the one-check lab of {@link #graded} gives, so partial credit shows in points. */
    static final double POINTS = 2.0;
    static final String LAB_HINT = "the lab's hint";

    private static final AtomicInteger NAMESPACES = new AtomicInteger();

    private LiveChecks() {
    }

    /** A namespace no other test on the same mock server uses ("lab-7"). */
    static String namespace() {
        return "lab-" + NAMESPACES.incrementAndGet();
    }

    /** Params as a lab file gives them, after variable substitution: key, value, key, value... */
    static CheckParams params(Object... keysAndValues) {
        return new CheckParams("labs/test.yaml: ex.check", map(keysAndValues));
    }

    /** The cluster's {@code namespace} and {@code cluster}, then {@code more} keys and values. */
    static CheckParams params(StudentCluster cluster, Object... more) {
        Map<String, Object> values = map("namespace", cluster.namespace(), "cluster", cluster.name());
        values.putAll(map(more));
        return new CheckParams("labs/test.yaml: ex.check", values);
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return values;
    }

    static GradingContext context(KubernetesClient client) {
        return GradingContext.of(new LiveCluster(client, "student"), null, null, "no submission folder given");
    }

    /**
     * One check of type {@code type} graded by the real {@link Grader} (worth {@link #POINTS}), which is where a
     * cluster that stops answering becomes NOT_GRADABLE and a permission the grader lacks becomes an ERROR.
     */
    static CheckResult graded(KubernetesClient client, String type, Object... params) {
        Lab.CheckSpec spec = new Lab.CheckSpec("check", type, "the check", POINTS, LAB_HINT, List.of(), map(params),
                List.of("live"), null);
        Lab lab = new Lab("test", "Test", "labs/test.yaml", Map.of(),
                List.of(new Lab.Exercise("ex", "Exercise", null, List.of(), List.of(spec))));
        GradeReport report = new Grader(Clock.systemUTC()).grade("student", lab, Map.of(),
                Grader.Selection.everything(), context(client), null);
        return report.checks().get(0);
    }

    /** The result {@link #graded} returns for this outcome (its time taken, {@code millis}, is not compared). */
    static CheckResult result(CheckStatus status, double points, String observed, String hint) {
        return new CheckResult("ex", "ex.check", "the check", points, POINTS, status, observed, hint, List.of("live"),
                "visible", 0);
    }

    /**
     * The API server refuses the grading identity a GET of {@code path} (one namespace's object: tests share the
     * server), with the 403 Status it sends; returns the Status message, which labctl quotes.
     */
    static String forbid(KubernetesMockServer server, String path, String message) {
        server.expect().get().withPath(path).andReturn(403, new StatusBuilder().withStatus("Failure").withCode(403)
                .withReason("Forbidden").withMessage(message).build()).always();
        return message;
    }

    /** What the Grader adds to a 403 of a read, so that instructors know which file fixes it. */
    static String needsReadAccess(String failure) {
        return failure + " (the grading identity needs read access: kubectl apply -f manifests/grading/grader-rbac.yaml)";
    }

    /** What {@link #graded} gives on {@link #unreachableClient}: not gradable, no points, no hint. */
    static CheckResult notGradable(KubernetesClient gone) {
        return result(CheckStatus.NOT_GRADABLE, 0, "cannot reach the Kubernetes API server at "
                + gone.getMasterUrl() + " (connection refused)", null);
    }

    /** A client of a cluster that stopped answering: nothing listens on its port any more. */
    static KubernetesClient unreachableClient() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl("http://127.0.0.1:" + port)
                .withRequestRetryBackoffLimit(0).build()).build();
    }
}
