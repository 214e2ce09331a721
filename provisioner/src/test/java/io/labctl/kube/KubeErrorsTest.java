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
        assertThat(e.getMessage()).isEqualTo("cannot reach the Kubernetes API server at https://127.0.0.1:6443 (Connection refused)");
        assertThat(e.hint()).contains("kubectl cluster-info");
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
