package io.labctl;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;

import java.util.List;
import java.util.Set;

/**
 * Prepares the Kubernetes client on a second core while the main thread builds picocli's command tree: a cluster
 * command's first request waits for fabric8's kubeconfig reader (its model and YAML mappers) and its HTTP client (TLS
 * included), about 0.2 s of a cold JVM that the tree's building can hide. The JVM initialises each class once, under
 * a lock, so the main thread either finds the work done or waits for the part it needs; nothing is shared but
 * classes. Commands that never reach a cluster (help, version, completion, the lab guide) start no thread: on two
 * cores it would only take CPU from them.
 */
final class ClientWarmup {
    /** First words of the commands that never read a kubeconfig. */
    private static final Set<String> OFFLINE_COMMANDS = Set.of("help", "version", "completion", "__complete",
            "generate-completion");
    /** The lab commands that read only the lab file. */
    private static final Set<String> OFFLINE_LAB_COMMANDS = Set.of("show", "list", "types", "pack");
    private static final Set<String> HELP_OR_VERSION = Set.of("-h", "--help", "-V", "--version");
    /** Global options that take a value, which is not the command's name ({@code labctl -n lab spark list}). */
    private static final Set<String> GLOBAL_OPTIONS_WITH_VALUE = Set.of("-n", "--namespace", "-o", "--output",
            "--context", "--kubeconfig");

    private ClientWarmup() {
    }

    static void startFor(String[] args) {
        if (!mayReachACluster(List.of(args))) {
            return;
        }
        Thread thread = new Thread(ClientWarmup::warm, "labctl-client-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    /** A guess from the words alone, before picocli parses them: a wrong guess costs CPU time, never a result. */
    static boolean mayReachACluster(List<String> args) {
        if (args.stream().anyMatch(HELP_OR_VERSION::contains)) {
            return false;
        }
        List<String> words = commandWords(args);
        if (words.isEmpty() || OFFLINE_COMMANDS.contains(words.get(0))) {
            return false;
        }
        return !(words.get(0).equals("lab") && words.size() > 1 && OFFLINE_LAB_COMMANDS.contains(words.get(1)));
    }

    private static List<String> commandWords(List<String> args) {
        List<String> words = new java.util.ArrayList<>();
        for (int i = 0; i < args.size() && words.size() < 2; i++) {
            String arg = args.get(i);
            if (arg.startsWith("-")) {
                if (words.isEmpty() && GLOBAL_OPTIONS_WITH_VALUE.contains(arg)) {
                    i++;
                }
                continue;
            }
            words.add(arg);
        }
        return words;
    }

    private static void warm() {
        try {
            KubeConfigUtils.parseConfigFromString("apiVersion: v1\nkind: Config\n");
            Config config = Config.empty(); // not the user's kubeconfig: only classes are wanted here
            config.setMasterUrl("https://127.0.0.1:1");
            // Building a client creates the JDK HTTP client and its TLS context; no request is sent.
            try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
                client.getKubernetesSerialization();
            }
        } catch (RuntimeException | LinkageError ignored) {
            // only a head start: the main thread does the same work itself and reports any problem
        }
    }
}
