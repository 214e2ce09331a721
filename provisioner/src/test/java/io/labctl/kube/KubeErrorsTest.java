package io.labctl.kube;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class KubeErrorsTest {

    private static KubernetesClientException http(int code, String message) {
        return new KubernetesClientException(new StatusBuilder().withCode(code).withMessage(message).build());
    }

    @Test
    void connectionRefused_isUnreachable_withTheServerNamed() {
        LabctlException e = KubeErrors.translate(new KubernetesClientException("Operation: [get]",
                new ConnectException("Connection refused")), "https://127.0.0.1:6443", "list pods");
        assertThat(e.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(e.getMessage()).isEqualTo("cannot reach the Kubernetes API server at https://127.0.0.1:6443 (connection refused)");
        assertThat(e.hint()).contains("kubectl cluster-info");
    }

    @Test
    void eachWayOfNotReaching_isUnreachable_withTheReasonInWords_evenWhenTheClientGaveNoMessage() {
        // The JDK HTTP client throws these without a message, wrapped in its own exceptions.
        assertReason(new ConnectException(), "connection refused");
        assertReason(new java.net.NoRouteToHostException(), "no route to host");
        assertReason(new java.net.http.HttpConnectTimeoutException("HTTP connect timed out"), "no answer within the connect timeout");
        assertReason(new java.net.UnknownHostException("api.lab.example"), "unknown host api.lab.example");
    }

    private static void assertReason(Exception cause, String reason) {
        LabctlException e = KubeErrors.translate(new KubernetesClientException("Operation: [get]  for kind: [Pod] failed.",
                new java.io.IOException(cause)), "https://10.0.0.1:6443", "list pods");
        assertThat(e.exitCode()).as(cause.toString()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(e.getMessage()).isEqualTo("cannot reach the Kubernetes API server at https://10.0.0.1:6443 (" + reason + ")");
    }

    @Test
    void forbidden_keepsTheApiServersWords() {
        LabctlException e = KubeErrors.translate(http(403, "deployments.apps is forbidden: User \"student\" cannot create"),
                "s", "create deployment a-master");
        assertThat(e.exitCode()).isEqualTo(ExitCode.FORBIDDEN);
        assertThat(e.getMessage()).isEqualTo("not allowed to create deployment a-master: deployments.apps is forbidden: "
                + "User \"student\" cannot create");
    }

    @Test
    void statusCodes_mapToDocumentedExitCodes() {
        assertThat(KubeErrors.translate(http(404, "x"), "s", "a").exitCode()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(KubeErrors.translate(http(409, "x"), "s", "a").exitCode()).isEqualTo(ExitCode.PRECONDITION);
        assertThat(KubeErrors.translate(http(422, "x"), "s", "a").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(KubeErrors.translate(http(401, "x"), "s", "a").exitCode()).isEqualTo(ExitCode.FORBIDDEN);
        assertThat(KubeErrors.translate(http(500, "x"), "s", "a").exitCode()).isEqualTo(ExitCode.INTERNAL);
    }

    @Test
    void labctlExceptions_passThrough() {
        LabctlException original = LabctlException.usage("bad", "fix");
        assertThat(KubeErrors.translate(original, "s", "a")).isSameAs(original);
    }
}
