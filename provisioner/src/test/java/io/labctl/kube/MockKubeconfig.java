package io.labctl.kube;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Kubeconfigs for fabric8's mock API server, so that tests reach it the way labctl reaches every cluster: through
 * {@link KubeConnector} (its timeouts, its one retry, its user agent), not with the mock's own client defaults
 * (ten retries of a 5xx with exponential backoff, which turns a 503 from the pod proxy into seconds of waiting).
 */
public final class MockKubeconfig {
    private MockKubeconfig() {
    }

    /** One cluster, user and context, all named {@code name}, as a provider hands a kubeconfig back. */
    public static String yaml(KubernetesMockServer server, String name) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: %1$s
                  cluster:
                    server: %2$s
                users:
                - name: %1$s
                  user:
                    token: mock-token
                contexts:
                - name: %1$s
                  context:
                    cluster: %1$s
                    user: %1$s
                current-context: %1$s
                """.formatted(name, server.url("/").replaceAll("/$", ""));
    }

    /** Writes {@link #yaml} (context {@code name}) to {@code file}; returns it. */
    public static Path write(KubernetesMockServer server, String name, Path file) {
        try {
            return Files.writeString(file, yaml(server, name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A session on the mock server, made by {@link KubeConnector} from a kubeconfig file. The file stays until the JVM
     * exits: the client reads it again after a minute (fabric8 refreshes credentials from it), as it would a user's.
     */
    public static KubeSession connect(KubernetesMockServer server) {
        try {
            Path file = Files.createTempFile("mock-kubeconfig-", ".yaml");
            file.toFile().deleteOnExit();
            Files.writeString(file, yaml(server, "mock"));
            return new KubeConnector(Map.of(), file.getParent()).connect(new KubeTarget(file, "mock", null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
