package io.labctl.testbed;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.labctl.cli.CliRun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The cluster integration tests run against (testbed/, or any cluster named by
 * {@code LABCTL_TESTBED_KUBECONFIG} / {@code KUBECONFIG}), with helpers: run labctl's CLI against
 * it, make throwaway namespaces, read the API server's audit log.
 */
public final class Testbed {
    /** The host's address on the test bed: API server, kubelet and NodePorts (testbed/CONTRACT.md). */
    public static final String HOST_IP = "10.77.0.1";
    /** The pod bridge's gateway: how pods reach the host, e.g. a Spark driver running there. */
    public static final String POD_GATEWAY = "10.88.0.1";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path kubeconfig;
    private final KubernetesClient client;
    private final Path auditLog;
    private final List<String> namespaces = new ArrayList<>();

    Testbed(Path kubeconfig, KubernetesClient client, Path auditLog) {
        this.kubeconfig = kubeconfig;
        this.client = client;
        this.auditLog = auditLog;
    }

    public KubernetesClient client() {
        return client;
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    /** The API server's audit log, when this test bed writes one (testbed/ does). */
    public AuditLog auditLog() {
        if (auditLog == null) {
            throw new IllegalStateException("no audit log: set LABCTL_TESTBED_AUDIT_LOG (testbed/env prints it)");
        }
        return new AuditLog(auditLog);
    }

    /** Runs labctl in-process against the test bed: {@code --kubeconfig} is added in front. */
    public CliRun labctl(String... args) {
        List<String> all = new ArrayList<>(List.of("--kubeconfig", kubeconfig.toString()));
        all.addAll(List.of(args));
        return CliRun.run(Map.of(), Path.of(System.getProperty("java.io.tmpdir")), false, all.toArray(String[]::new));
    }

    /**
     * labctl as run from this user's shell: with PATH and HOME (and pyenv's root), so the programs it starts on this
     * machine are the user's own (pip's pyspark under pyenv, say), not whatever /usr/bin has.
     */
    public CliRun labctlInUserShell(String... args) {
        Map<String, String> env = new java.util.HashMap<>();
        for (String name : List.of("PATH", "HOME", "PYENV_ROOT")) {
            String value = System.getenv(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        List<String> all = new ArrayList<>(List.of("--kubeconfig", kubeconfig.toString()));
        all.addAll(List.of(args));
        return CliRun.run(env, Path.of(System.getProperty("java.io.tmpdir")), false, all.toArray(String[]::new));
    }

    /** A fresh namespace name (not created); removed after the test class if it exists. */
    public String namespaceName(String prefix) {
        String name = prefix + "-" + Long.toString(RANDOM.nextLong() & 0xffffffL, 36);
        namespaces.add(name);
        return name;
    }

    /** Creates a fresh namespace, removed after the test class. */
    public String createNamespace(String prefix) {
        String name = namespaceName(prefix);
        client.resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
        return name;
    }

    /**
     * A kubeconfig for ServiceAccount {@code viewer} in {@code namespace}, bound to the built-in ClusterRole
     * {@code view} there: the identity of a student who may look but not change anything.
     */
    public Path viewOnlyKubeconfig(String namespace, Path dir) throws IOException {
        client.resource(new ServiceAccountBuilder().withNewMetadata().withName("viewer").withNamespace(namespace).endMetadata()
                .build()).create();
        client.resource(new RoleBindingBuilder().withNewMetadata().withName("viewer-view").withNamespace(namespace).endMetadata()
                .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole").withName("view").endRoleRef()
                .addNewSubject().withKind("ServiceAccount").withName("viewer").withNamespace(namespace).endSubject().build()).create();
        return serviceAccountKubeconfig(namespace, "viewer", dir.resolve("viewer.kubeconfig"));
    }

    /** A kubeconfig at {@code file} that authenticates as the ServiceAccount with a fresh token (one hour). */
    public Path serviceAccountKubeconfig(String namespace, String serviceAccount, Path file) throws IOException {
        String token = client.serviceAccounts().inNamespace(namespace).withName(serviceAccount)
                .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build())
                .getStatus().getToken();
        var config = client.getConfiguration();
        String ca = config.getCaCertData() != null ? config.getCaCertData()
                : Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(config.getCaCertFile())));
        return Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters: [{name: testbed, cluster: {server: "%s", certificate-authority-data: %s}}]
                users: [{name: %s, user: {token: "%s"}}]
                contexts: [{name: %s, context: {cluster: testbed, user: %s}}]
                current-context: %s
                """.formatted(config.getMasterUrl(), ca, serviceAccount, token, serviceAccount, serviceAccount,
                serviceAccount));
    }

    void cleanUp(Duration timeout) {
        for (String ns : namespaces) {
            var resource = client.namespaces().withName(ns);
            if (resource.get() != null) {
                resource.delete();
                resource.waitUntilCondition(n -> n == null, timeout.toSeconds(), TimeUnit.SECONDS);
            }
        }
        namespaces.clear();
    }

    static String randomSuffix() {
        return Long.toString(RANDOM.nextLong() & 0xffffffL, 36);
    }
}
