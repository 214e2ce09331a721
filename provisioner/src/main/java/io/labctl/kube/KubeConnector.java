package io.labctl.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.LabctlVersion;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
        this(System.getenv(), home(System.getenv()));
    }

    public KubeConnector(Map<String, String> environment, Path home) {
        this.environment = environment;
        this.home = home;
    }

    /** The user's home as shells and kubectl see it: $HOME, and Java's user.home only when HOME is unset. */
    public static Path home(Map<String, String> environment) {
        String home = environment.get("HOME");
        return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"));
    }

    /**
     * The kubeconfig files kubectl would read, in its order, without touching the network: {@code --kubeconfig},
     * else every existing entry of {@code $KUBECONFIG} (merged, the first one to name something wins), else
     * {@code ~/.kube/config}. Empty means the in-cluster configuration (labctl running in a pod).
     */
    public List<Path> resolveKubeconfigs(KubeTarget target) {
        if (target.kubeconfig() != null) {
            return List.of(requireReadable(target.kubeconfig(), "--kubeconfig"));
        }
        String fromEnv = environment.get("KUBECONFIG");
        if (fromEnv != null && !fromEnv.isBlank()) {
            // Like kubectl: entries that do not exist are skipped, but one of them must.
            List<Path> files = Arrays.stream(fromEnv.split(File.pathSeparator)).filter(e -> !e.isBlank()).map(Path::of)
                    .filter(Files::isReadable).distinct().toList();
            if (files.isEmpty()) {
                throw new LabctlException(ExitCode.USAGE, "no readable kubeconfig in KUBECONFIG=" + fromEnv,
                        "point KUBECONFIG at an existing file or pass --kubeconfig FILE");
            }
            return files;
        }
        Path standard = home.resolve(".kube").resolve("config");
        if (Files.isReadable(standard)) {
            return List.of(standard);
        }
        if (environment.containsKey("KUBERNETES_SERVICE_HOST")) {
            return List.of();
        }
        throw new LabctlException(ExitCode.USAGE, "no kubeconfig found (" + standard + " does not exist)",
                "create a cluster with `labctl cluster up`, or pass --kubeconfig FILE / set KUBECONFIG");
    }

    /** The file a new context is written to, as kubectl config writes it: the first of the kubeconfigs; null in-cluster. */
    public Path resolveKubeconfig(KubeTarget target) {
        List<Path> files = resolveKubeconfigs(target);
        return files.isEmpty() ? null : files.get(0);
    }

    /**
     * Loads the configuration for the target with fabric8's own kubeconfig loading: the files parsed and merged by
     * its KubeConfigUtils, as its autoConfigure does for $KUBECONFIG, but from the files resolved above (this
     * process's environment is not consulted: labctl grades many students at once, each with a kubeconfig of their
     * own). An unknown context is NOT_FOUND.
     */
    public Config loadConfig(KubeTarget target) {
        List<Path> files = resolveKubeconfigs(target);
        Config config;
        if (files.isEmpty()) {
            config = Config.autoConfigure(null);
        } else {
            List<io.fabric8.kubernetes.api.model.Config> parsed = new ArrayList<>();
            for (Path file : files) {
                parsed.add(parse(file));
            }
            if (target.context() != null) {
                requireContext(files, parsed, target.context());
            }
            config = Config.empty();
            try {
                KubeConfigUtils.merge(config, target.context(), parsed.toArray(io.fabric8.kubernetes.api.model.Config[]::new));
            } catch (RuntimeException e) {
                throw new LabctlException(ExitCode.USAGE, "cannot use kubeconfig " + display(files) + ": "
                        + KubeErrors.rootMessage(e), "check it with `kubectl config view`", e);
            }
            if (config.getMasterUrl() == null) {
                throw new LabctlException(ExitCode.USAGE, "kubeconfig " + display(files) + " names no cluster to use"
                        + (target.context() == null ? " (no current-context)" : ""),
                        "pass --context NAME (see `kubectl config get-contexts`)");
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
        List<Path> files = resolveKubeconfigs(target);
        Config config = loadConfig(target);
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
        String context = config.getCurrentContext() == null ? null : config.getCurrentContext().getName();
        return new KubeSession(client, files.isEmpty() ? null : display(files), context, config.getNamespace(),
                config.getMasterUrl());
    }

    /** The files as KUBECONFIG writes them: what a child process (spark-submit) is given to read the same. */
    static String display(List<Path> files) {
        return String.join(File.pathSeparator, files.stream().map(Path::toString).toList());
    }

    private static io.fabric8.kubernetes.api.model.Config parse(Path file) {
        try {
            return KubeConfigUtils.parseConfig(file.toFile());
        } catch (RuntimeException e) {
            throw new LabctlException(ExitCode.USAGE, "cannot read kubeconfig " + file + ": " + KubeErrors.rootMessage(e),
                    "check the file with `kubectl config view --kubeconfig " + file + "`", e);
        }
    }

    private static void requireContext(List<Path> files, List<io.fabric8.kubernetes.api.model.Config> parsed,
                                       String context) {
        boolean known = parsed.stream().anyMatch(c -> c.getContexts() != null
                && c.getContexts().stream().anyMatch(named -> context.equals(named.getName())));
        if (!known) {
            throw new LabctlException(ExitCode.NOT_FOUND, "context '" + context + "' is not in " + display(files),
                    "list the contexts with `kubectl config get-contexts`");
        }
    }

    private static Path requireReadable(Path path, String option) {
        if (!Files.isReadable(path)) {
            throw new LabctlException(ExitCode.USAGE, option + " " + path + " does not exist or is not readable",
                    "pass the path of an existing kubeconfig file");
        }
        return path;
    }

}
