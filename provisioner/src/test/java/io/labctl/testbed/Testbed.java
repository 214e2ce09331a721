package io.labctl.testbed;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.labctl.cli.CliRun;

import java.nio.file.Path;
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
