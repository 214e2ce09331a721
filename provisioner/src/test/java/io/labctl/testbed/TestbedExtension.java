package io.labctl.testbed;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Gives integration tests (tier: real API server, real node) a {@link Testbed}. The cluster comes
 * from {@code LABCTL_TESTBED_KUBECONFIG}, else {@code KUBECONFIG}. Without one, or when it does not
 * answer, tests are skipped with the reason printed; with {@code LABCTL_REQUIRE_TESTBED=1} (set by
 * .ci/run) that is a failure instead: CI never silently skips integration tests.
 */
public final class TestbedExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    public static final String KUBECONFIG_VARIABLE = "LABCTL_TESTBED_KUBECONFIG";
    public static final String REQUIRE_VARIABLE = "LABCTL_REQUIRE_TESTBED";
    public static final String AUDIT_LOG_VARIABLE = "LABCTL_TESTBED_AUDIT_LOG";
    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(TestbedExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(STORE).getOrComputeIfAbsent(Testbed.class, k -> connect(), Testbed.class);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Testbed testbed = context.getStore(STORE).get(Testbed.class, Testbed.class);
        if (testbed != null) {
            testbed.cleanUp(Duration.ofMinutes(3));
            testbed.client().close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Testbed.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(STORE).getOrComputeIfAbsent(Testbed.class, k -> connect(), Testbed.class);
    }

    private static Testbed connect() {
        String configured = System.getenv(KUBECONFIG_VARIABLE);
        String source = KUBECONFIG_VARIABLE;
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("KUBECONFIG");
            source = "KUBECONFIG";
        }
        if (configured == null || configured.isBlank()) {
            return unavailable("no cluster configured: set " + KUBECONFIG_VARIABLE
                    + " (after `testbed/up`, `eval \"$(testbed/env)\"` does)");
        }
        Path kubeconfig = Path.of(configured.split(":")[0]);
        if (!Files.isReadable(kubeconfig)) {
            return unavailable(source + "=" + configured + " is not a readable file");
        }
        KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(null, kubeconfig.toFile())).build();
        try {
            client.getKubernetesVersion();
        } catch (RuntimeException e) {
            client.close();
            return unavailable("the cluster in " + kubeconfig + " does not answer: " + e.getMessage());
        }
        String audit = System.getenv(AUDIT_LOG_VARIABLE);
        return new Testbed(kubeconfig, client, audit == null || audit.isBlank() ? null : Path.of(audit));
    }

    private static Testbed unavailable(String reason) {
        if ("1".equals(System.getenv(REQUIRE_VARIABLE))) {
            throw new IllegalStateException("integration tests need the test bed (" + REQUIRE_VARIABLE + "=1): " + reason);
        }
        System.err.println("[labctl tests] skipping integration tests: " + reason);
        throw new TestAbortedException("skipped: " + reason);
    }
}
