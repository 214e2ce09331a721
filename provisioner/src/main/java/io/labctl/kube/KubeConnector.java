package io.labctl.kube;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.LabctlVersion;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Builds a fabric8 client from an explicit kubeconfig file and context. The file is resolved the
 * way kubectl does ({@code --kubeconfig}, then the first entry of {@code $KUBECONFIG}, then
 * {@code ~/.kube/config}), but always passed explicitly to the client so the context used is known.
 */
public final class KubeConnector {
    /**
     * Fail fast, like kubectl: a reachable API server accepts a TCP connection in milliseconds, even over a VPN;
     * waiting longer only delays "the cluster is not running". One retry covers a dropped SYN.
     */
    private static final int CONNECT_TIMEOUT_MS = 500;
    private static final int RETRY_INTERVAL_MS = 100;
    private static final int REQUEST_TIMEOUT_MS = 30_000;
    private static final String DEFAULT_NAMESPACE = "default";
    /** Every request labctl sends carries this user agent, followed by its version. */
    public static final String USER_AGENT_PREFIX = "labctl/";

    private final Map<String, String> environment;
    private final Path home;

    public KubeConnector() {
        this(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public KubeConnector(Map<String, String> environment, Path home) {
        this.environment = environment;
        this.home = home;
    }

    /** Resolves the kubeconfig path without touching the network; null means in-cluster config. */
    public Path resolveKubeconfig(KubeTarget target) {
        if (target.kubeconfig() != null) {
            return requireReadable(target.kubeconfig(), "--kubeconfig");
        }
        String fromEnv = environment.get("KUBECONFIG");
        if (fromEnv != null && !fromEnv.isBlank()) {
            // kubectl merges every entry; labctl uses the first existing one and says so.
            for (String entry : fromEnv.split(File.pathSeparator)) {
                if (!entry.isBlank() && Files.isReadable(Path.of(entry))) {
                    return Path.of(entry);
                }
            }
            throw new LabctlException(ExitCode.USAGE, "no readable kubeconfig in KUBECONFIG=" + fromEnv,
                    "point KUBECONFIG at an existing file or pass --kubeconfig FILE");
        }
        Path standard = home.resolve(".kube").resolve("config");
        if (Files.isReadable(standard)) {
            return standard;
        }
        if (environment.containsKey("KUBERNETES_SERVICE_HOST")) {
            return null;
        }
        throw new LabctlException(ExitCode.USAGE, "no kubeconfig found (" + standard + " does not exist)",
                "create a cluster with `labctl cluster up`, or pass --kubeconfig FILE / set KUBECONFIG");
    }

    /** Loads the configuration for the target; validates that the context exists. */
    public Config loadConfig(KubeTarget target) {
        Path kubeconfig = resolveKubeconfig(target);
        Config config;
        if (kubeconfig == null) {
            config = Config.autoConfigure(null);
        } else {
            if (target.context() != null) {
                requireContext(kubeconfig, target.context());
            }
            try {
                config = Config.fromKubeconfig(target.context(), kubeconfig.toFile());
            } catch (RuntimeException e) {
                throw new LabctlException(ExitCode.USAGE, "cannot read kubeconfig " + kubeconfig + ": "
                        + KubeErrors.rootMessage(e), "check the file with `kubectl config view --kubeconfig "
                        + kubeconfig + "`", e);
            }
        }
        // The API server's audit log then tells labctl's requests from any other client's.
        config.setUserAgent(USER_AGENT_PREFIX + LabctlVersion.get());
        config.setConnectionTimeout(CONNECT_TIMEOUT_MS);
        config.setRequestTimeout(REQUEST_TIMEOUT_MS);
        // fabric8 retries with backoff by default; an unreachable lab cluster should fail at once.
        config.setRequestRetryBackoffLimit(1);
        config.setRequestRetryBackoffInterval(RETRY_INTERVAL_MS);
        if (target.namespace() != null) {
            config.setNamespace(target.namespace());
        } else if (config.getNamespace() == null) {
            config.setNamespace(DEFAULT_NAMESPACE);
        }
        return config;
    }

    /** Connects (lazily: fabric8 opens connections on first request). */
    public KubeSession connect(KubeTarget target) {
        Path kubeconfig = resolveKubeconfig(target);
        Config config = loadConfig(target);
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
        String context = config.getCurrentContext() == null ? null : config.getCurrentContext().getName();
        return new KubeSession(client, kubeconfig == null ? null : kubeconfig.toString(), context,
                config.getNamespace(), config.getMasterUrl());
    }

    private static void requireContext(Path kubeconfig, String context) {
        List<NamedContext> contexts;
        try {
            contexts = KubeconfigReader.KUBECONFIG_READER.readValue(kubeconfig.toFile(),
                            io.fabric8.kubernetes.api.model.Config.class)
                    .getContexts();
        } catch (Exception e) {
            throw new LabctlException(ExitCode.USAGE, "cannot read kubeconfig " + kubeconfig + ": "
                    + KubeErrors.rootMessage(e), "check the file with `kubectl config view`", e);
        }
        boolean known = contexts != null && contexts.stream().anyMatch(c -> context.equals(c.getName()));
        if (!known) {
            throw new LabctlException(ExitCode.USAGE, "context '" + context + "' is not in " + kubeconfig,
                    "list the contexts with `kubectl config get-contexts --kubeconfig " + kubeconfig + "`");
        }
    }

    private static Path requireReadable(Path path, String option) {
        if (!Files.isReadable(path)) {
            throw new LabctlException(ExitCode.USAGE, option + " " + path + " does not exist or is not readable",
                    "pass the path of an existing kubeconfig file");
        }
        return path;
    }

    /** Created on first use: building a mapper loads Jackson, which `--help` and most commands never need */
    private static final class KubeconfigReader {
        static final ObjectMapper KUBECONFIG_READER = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }
}
