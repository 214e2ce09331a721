package io.labctl.grading.live;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.labctl.kube.KubeConnector;
import io.labctl.kube.KubeTarget;
import io.labctl.kube.MockApiTest;
import io.labctl.kube.MockKubeconfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier: unit, mock API server (fabric8's, CRUD mode, one per test: each answers the kube-system read its own way).
 * What makes a student's cluster gradable or not, decided once before any check runs.
 */
@MockApiTest
@EnableKubernetesMockClient(crud = true, https = false)
class ClusterConnectionTest {
    KubernetesMockServer server;
    KubernetesClient client;
    String kubeSystemUid;

    @TempDir
    Path dir;

    @BeforeEach
    void kubeSystemExists() {
        kubeSystemUid = client.resource(new NamespaceBuilder().withNewMetadata().withName("kube-system").endMetadata()
                .build()).create().getMetadata().getUid();
    }

    /** Before the extension stops the server, so no request of ours is still open then. */
    @AfterEach
    void closeClientFirst() {
        client.close();
    }

    private ClusterConnection open(Path kubeconfig) {
        return ClusterConnection.open(new KubeConnector(Map.of(), dir), new KubeTarget(kubeconfig, null, null));
    }

    private Path kubeconfig() {
        return MockKubeconfig.write(server, "student", dir.resolve("student.kubeconfig"));
    }

    private void kubeSystemAnswers(int code, String reason, String message) {
        server.expect().get().withPath("/api/v1/namespaces/kube-system").andReturn(code, new StatusBuilder()
                .withStatus("Failure").withCode(code).withReason(reason).withMessage(message).build()).always();
    }

    @Test
    void open_clusterThatAnswers_isGradable_identifiedByKubeSystemsUid() {
        try (ClusterConnection connection = open(kubeconfig())) {
            assertThat(connection.unavailable()).isNull();
            assertThat(connection.clusterUid()).isNotBlank().isEqualTo(kubeSystemUid);
            assertThat(connection.cluster().context()).isEqualTo("student");
            assertThat(connection.cluster().server()).isEqualTo(server.url("/"));
        }
    }

    @Test
    void open_identityThatMayNotReadNamespaces_isStillGradable_withoutAnIdentity() {
        kubeSystemAnswers(403, "Forbidden", "namespaces \"kube-system\" is forbidden: User \"student\" cannot get "
                + "resource \"namespaces\" in API group \"\" in the namespace \"kube-system\"");

        try (ClusterConnection connection = open(kubeconfig())) {
            assertThat(connection.unavailable()).isNull();
            assertThat(connection.cluster()).isNotNull();
            assertThat(connection.clusterUid()).isNull();
        }
    }

    @Test
    void open_credentialsRejected_isNotGradable_sayingSo() {
        kubeSystemAnswers(401, "Unauthorized", "Unauthorized");

        try (ClusterConnection connection = open(kubeconfig())) {
            assertThat(connection.cluster()).isNull();
            assertThat(connection.unavailable()).isEqualTo("the API server at " + server.url("/") + " rejected the "
                    + "credentials while trying to read namespace kube-system");
        }
    }

    @Test
    void open_serverAnsweringNonsense_isNotGradable_asAnUnexpectedAnswer() {
        kubeSystemAnswers(500, "InternalError", "etcdserver: request timed out");

        try (ClusterConnection connection = open(kubeconfig())) {
            assertThat(connection.cluster()).isNull();
            assertThat(connection.unavailable()).isEqualTo("the API server did not answer as expected: failed to read "
                    + "namespace kube-system (HTTP 500): etcdserver: request timed out");
        }
    }

    @Test
    void open_nothingListening_isNotGradable_cannotReach() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path gone = Files.writeString(dir.resolve("gone.kubeconfig"), MockKubeconfig.yaml(server, "gone")
                .replace(server.url("/").replaceAll("/$", ""), "http://127.0.0.1:" + port));

        try (ClusterConnection connection = open(gone)) {
            assertThat(connection.cluster()).isNull();
            assertThat(connection.unavailable()).isEqualTo("cannot reach the Kubernetes API server at http://127.0.0.1:"
                    + port + "/ (connection refused)");
        }
    }

    @Test
    void open_noKubeconfigAtAll_isNotGradable_sayingWhichFileIsMissing() {
        ClusterConnection connection = ClusterConnection.open(new KubeConnector(Map.of(), dir), new KubeTarget(null, null, null));

        assertThat(connection.cluster()).isNull();
        assertThat(connection.unavailable()).isEqualTo("no usable kubeconfig: no kubeconfig found ("
                + dir.resolve(".kube/config") + " does not exist)");
    }
}
