package io.labctl.kube;

import io.fabric8.kubernetes.client.Config;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tier: unit (files only, no cluster). */
class KubeConnectorTest {
    private static final String KUBECONFIG = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: one
              cluster: {server: "https://127.0.0.1:6443", insecure-skip-tls-verify: true}
            - name: two
              cluster: {server: "https://127.0.0.2:6443", insecure-skip-tls-verify: true}
            users:
            - name: u
              user: {token: abc}
            contexts:
            - name: first
              context: {cluster: one, user: u, namespace: lab}
            - name: second
              context: {cluster: two, user: u}
            current-context: first
            """;

    @TempDir
    Path home;

    private Path writeKubeconfig(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, KUBECONFIG);
    }

    @Test
    void explicitFileAndContext_areUsed() throws IOException {
        Path file = writeKubeconfig(home.resolve("k.yaml"));
        Config config = new KubeConnector(Map.of(), home).loadConfig(new KubeTarget(file, "second", null));
        assertThat(config.getMasterUrl()).startsWith("https://127.0.0.2:6443");
        assertThat(config.getNamespace()).isEqualTo("default");
    }

    @Test
    void currentContextAndItsNamespace_areTheDefault() throws IOException {
        Path file = writeKubeconfig(home.resolve("k.yaml"));
        Config config = new KubeConnector(Map.of(), home).loadConfig(new KubeTarget(file, null, null));
        assertThat(config.getCurrentContext().getName()).isEqualTo("first");
        assertThat(config.getNamespace()).isEqualTo("lab");
    }

    @Test
    void namespaceOption_winsOverTheContext() throws IOException {
        Path file = writeKubeconfig(home.resolve("k.yaml"));
        Config config = new KubeConnector(Map.of(), home).loadConfig(new KubeTarget(file, null, "other"));
        assertThat(config.getNamespace()).isEqualTo("other");
    }

    @Test
    void kubeconfigVariable_firstReadableEntryIsUsed() throws IOException {
        Path file = writeKubeconfig(home.resolve("b.yaml"));
        KubeConnector connector = new KubeConnector(Map.of("KUBECONFIG", home.resolve("missing") + ":" + file), home);
        assertThat(connector.resolveKubeconfig(KubeTarget.defaults())).isEqualTo(file);
    }

    @Test
    void homeKubeconfig_isTheLastResort() throws IOException {
        Path file = writeKubeconfig(home.resolve(".kube").resolve("config"));
        assertThat(new KubeConnector(Map.of(), home).resolveKubeconfig(KubeTarget.defaults())).isEqualTo(file);
    }

    @Test
    void noKubeconfigAnywhere_isAUsageErrorWithTheFix() {
        assertThatThrownBy(() -> new KubeConnector(Map.of(), home).resolveKubeconfig(KubeTarget.defaults()))
                .isInstanceOf(LabctlException.class)
                .hasMessageContaining("no kubeconfig found")
                .satisfies(e -> assertThat(((LabctlException) e).hint()).contains("labctl cluster up"))
                .satisfies(e -> assertThat(((LabctlException) e).exitCode()).isEqualTo(ExitCode.USAGE));
    }

    @Test
    void unknownContext_isNotFound_exit3_namingTheFiles() throws IOException {
        Path file = writeKubeconfig(home.resolve("k.yaml"));
        assertThatThrownBy(() -> new KubeConnector(Map.of(), home).loadConfig(new KubeTarget(file, "third", null)))
                .hasMessage("context 'third' is not in " + file)
                .satisfies(e -> assertThat(((LabctlException) e).exitCode()).isEqualTo(ExitCode.NOT_FOUND));
    }

    @Test
    void kubeconfigVariableWithSeveralFiles_mergesThemLikeKubectl_theFirstToNameSomethingWins() throws IOException {
        Path first = writeKubeconfig(home.resolve("a.yaml"));
        Path second = Files.writeString(home.resolve("b.yaml"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: three
                  cluster: {server: "https://127.0.0.3:6443", insecure-skip-tls-verify: true}
                - name: one
                  cluster: {server: "https://10.0.0.1:6443", insecure-skip-tls-verify: true}
                users:
                - name: u3
                  user: {token: xyz}
                contexts:
                - name: third
                  context: {cluster: three, user: u3, namespace: three}
                current-context: third
                """);
        KubeConnector connector = new KubeConnector(Map.of("KUBECONFIG", first + ":" + home.resolve("missing") + ":"
                + second), home);

        // a context only the second file has
        Config third = connector.loadConfig(new KubeTarget(null, "third", null));
        // the current context of the first file; its cluster "one" from the first file, not the second's "one"
        Config current = connector.loadConfig(KubeTarget.defaults());

        assertThat(connector.resolveKubeconfigs(KubeTarget.defaults())).containsExactly(first, second);
        assertThat(third.getMasterUrl()).startsWith("https://127.0.0.3:6443");
        assertThat(third.getNamespace()).isEqualTo("three");
        assertThat(current.getCurrentContext().getName()).isEqualTo("first");
        assertThat(current.getMasterUrl()).startsWith("https://127.0.0.1:6443");
        assertThat(connector.connect(KubeTarget.defaults()).kubeconfig()).isEqualTo(first + ":" + second);
    }

    @Test
    void homeVariable_notJavasUserHome_findsTheKubeconfig() throws IOException {
        Path file = writeKubeconfig(home.resolve(".kube").resolve("config"));

        assertThat(KubeConnector.home(Map.of("HOME", home.toString()))).isEqualTo(home);
        assertThat(new KubeConnector(Map.of("HOME", home.toString()), KubeConnector.home(Map.of("HOME", home.toString())))
                .resolveKubeconfig(KubeTarget.defaults())).isEqualTo(file);
        assertThat(KubeConnector.home(Map.of())).isEqualTo(Path.of(System.getProperty("user.home")));
    }
}
