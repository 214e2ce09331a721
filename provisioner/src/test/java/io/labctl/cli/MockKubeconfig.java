package io.labctl.cli;

import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A kubeconfig file for fabric8's mock API server, so that CLI tests run labctl against it like against a cluster. */
public final class MockKubeconfig {
    private MockKubeconfig() {
    }

    public static Path write(KubernetesClient mockClient, Path dir) throws IOException {
        return Files.writeString(dir.resolve("mock.kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters: [{name: mock, cluster: {server: "%s", insecure-skip-tls-verify: true}}]
                users: [{name: mock, user: {token: mock}}]
                contexts: [{name: mock, context: {cluster: mock, user: mock, namespace: lab}}]
                current-context: mock
                """.formatted(mockClient.getConfiguration().getMasterUrl()));
    }

    /** A kubeconfig whose server nobody listens on: a command that contacts it fails with exit 4. */
    public static Path unreachable(Path dir) throws IOException {
        return Files.writeString(dir.resolve("unreachable.kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters: [{name: none, cluster: {server: "https://127.0.0.1:1"}}]
                users: [{name: none, user: {token: none}}]
                contexts: [{name: none, context: {cluster: none, user: none, namespace: lab}}]
                current-context: none
                """);
    }
}
