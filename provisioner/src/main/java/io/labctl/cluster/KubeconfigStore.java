package io.labctl.cluster;

import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.Cluster;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.ConfigBuilder;
import io.fabric8.kubernetes.api.model.Context;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.labctl.core.AtomicFiles;
import io.labctl.core.ExclusiveLockFile;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts a lab cluster's credentials where kubectl finds them: merged into the user's kubeconfig as context
 * {@code labctl-NAME} (cluster and user entries of the same name), or into a file of its own. Files are written
 * atomically with mode 0600, since they hold client keys; other contexts in the file are never touched. A
 * read-modify-write holds kubectl's lock file ({@code FILE.lock}), so a concurrent kubectl or labctl never loses
 * the other's change; a symbolic link is followed and the file it points to is updated.
 */
public final class KubeconfigStore {
    public static final String PREFIX = "labctl-";
    private static final KubernetesSerialization YAML = new KubernetesSerialization();
    /** How long a lock held by another kubectl or labctl is waited for: their writes take milliseconds. */
    private static final long LOCK_WAIT_MILLIS = 3000;

    private KubeconfigStore() {
    }

    public static String contextName(String cluster) {
        return PREFIX + cluster;
    }

    /** The provider's kubeconfig (one cluster, one user, one context: k3s and minikube name them "default" or the profile) renamed to labctl-NAME. */
    public static Config normalize(String clusterName, String providerYaml) {
        Config source = parse(providerYaml, "the cluster's kubeconfig");
        if (source.getClusters() == null || source.getClusters().isEmpty()
                || source.getUsers() == null || source.getUsers().isEmpty()) {
            throw new LabctlException(ExitCode.INTERNAL, "the cluster's kubeconfig has no cluster or no user entry", null);
        }
        String name = contextName(clusterName);
        Cluster cluster = source.getClusters().get(0).getCluster();
        AuthInfo user = source.getUsers().get(0).getUser();
        return new ConfigBuilder()
                .withApiVersion("v1").withKind("Config")
                .addNewCluster().withName(name).withCluster(cluster).endCluster()
                .addNewUser().withName(name).withUser(user).endUser()
                .addNewContext().withName(name).withNewContext().withCluster(name).withUser(name).endContext().endContext()
                .withCurrentContext(name)
                .build();
    }

    /** Adds (or replaces) the entries of {@code cluster} in {@code file}; makes it the current context if asked. */
    public static void merge(Path file, Config cluster, boolean switchContext) {
        try (Locked locked = Locked.of(file)) {
            Path real = locked.target();
            Config target = Files.exists(real) ? read(real)
                    : new ConfigBuilder().withApiVersion("v1").withKind("Config").build();
            String name = cluster.getContexts().get(0).getName();
            Config merged = new ConfigBuilder(target)
                    .withClusters(replace(target.getClusters(), cluster.getClusters(), NamedCluster::getName, name))
                    .withUsers(replace(target.getUsers(), cluster.getUsers(), NamedAuthInfo::getName, name))
                    .withContexts(replace(target.getContexts(), cluster.getContexts(), NamedContext::getName, name))
                    .withCurrentContext(switchContext || blank(target.getCurrentContext()) ? name
                            : target.getCurrentContext())
                    .build();
            write(real, merged);
        }
    }

    /** Writes {@code cluster} alone into {@code file} (replacing it). */
    public static void writeStandalone(Path file, Config cluster) {
        try (Locked locked = Locked.of(file)) {
            write(locked.target(), cluster);
        }
    }

    /** Removes labctl-NAME's entries from {@code file}; a missing file or entry is fine. */
    public static void remove(Path file, String clusterName) {
        if (file == null || !Files.exists(file)) {
            return;
        }
        try (Locked locked = Locked.of(file)) {
            Config config = read(locked.target());
            String name = contextName(clusterName);
            Config pruned = new ConfigBuilder(config)
                    .withClusters(replace(config.getClusters(), List.of(), NamedCluster::getName, name))
                    .withUsers(replace(config.getUsers(), List.of(), NamedAuthInfo::getName, name))
                    .withContexts(replace(config.getContexts(), List.of(), NamedContext::getName, name))
                    .withCurrentContext(name.equals(config.getCurrentContext()) ? "" : config.getCurrentContext())
                    .build();
            write(locked.target(), pruned);
        }
    }

    /**
     * A kubeconfig held for a read-modify-write, as kubectl holds it: {@code FILE.lock} created exclusively (and,
     * when FILE is a symbolic link, the lock of the file it points to as well, for tools that name that one).
     * {@link #target()} is the file to read and replace: a link is followed, so the user's link (into a dotfiles
     * repository, say) stays a link and the file it points to is updated.
     */
    private record Locked(Path target, List<ExclusiveLockFile> locks) implements AutoCloseable {
        static Locked of(Path file) {
            Path target;
            try {
                target = AtomicFiles.followLinks(file);
            } catch (IOException e) {
                throw new LabctlException(ExitCode.PRECONDITION, "cannot follow the link " + file + ": "
                        + e.getMessage(), "point the link at a file, or pass --write-kubeconfig FILE", e);
            }
            List<ExclusiveLockFile> locks = new ArrayList<>();
            locks.add(ExclusiveLockFile.acquire(file, LOCK_WAIT_MILLIS));
            if (!target.equals(file.toAbsolutePath().normalize())) {
                try {
                    locks.add(ExclusiveLockFile.acquire(target, LOCK_WAIT_MILLIS));
                } catch (LabctlException held) {
                    locks.get(0).close();
                    throw held;
                }
            }
            return new Locked(target, locks);
        }

        @Override
        public void close() {
            for (int i = locks.size() - 1; i >= 0; i--) {
                locks.get(i).close();
            }
        }
    }

    /** Whether {@code file} has a context named labctl-NAME. */
    public static boolean hasContext(Path file, String clusterName) {
        if (file == null || !Files.isReadable(file)) {
            return false;
        }
        List<NamedContext> contexts = read(file).getContexts();
        return contexts != null && contexts.stream().anyMatch(c -> contextName(clusterName).equals(c.getName()));
    }

    public static Config read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new LabctlException(ExitCode.PRECONDITION, "cannot read " + file + ": " + e.getMessage(),
                    "check the file's permissions", e);
        }
    }

    public static String toYaml(Config config) {
        return YAML.asYaml(config);
    }

    private static Config parse(String yaml, String what) {
        try {
            Config config = YAML.unmarshal(yaml, Config.class);
            if (config == null) {
                return new ConfigBuilder().withApiVersion("v1").withKind("Config").build();
            }
            return config;
        } catch (RuntimeException e) {
            throw new LabctlException(ExitCode.PRECONDITION, what + " is not a valid kubeconfig: " + e.getMessage(),
                    "fix or move the file, then run the command again", e);
        }
    }

    private static <T> List<T> replace(List<T> existing, List<T> added, java.util.function.Function<T, String> name,
                                       String replaced) {
        List<T> result = new ArrayList<>();
        if (existing != null) {
            existing.stream().filter(e -> !replaced.equals(name.apply(e))).forEach(result::add);
        }
        result.addAll(added);
        return result;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * Atomic replace through a 0600 temp file in the same directory, synced before the rename, so a crash never
     * leaves half a kubeconfig or an empty one. {@code file} is the link's target, already resolved.
     */
    private static void write(Path file, Config config) {
        try {
            String yaml = toYaml(config);
            AtomicFiles.writeWithMode(file, AtomicFiles.OWNER_ONLY, out -> out.write(yaml));
        } catch (IOException e) {
            throw new LabctlException(ExitCode.PRECONDITION, "cannot write " + file + ": " + e.getMessage(),
                    "check the directory's permissions, or pass --write-kubeconfig FILE", e);
        }
    }
}
