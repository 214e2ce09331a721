package io.labctl.cli.cluster;

import io.labctl.cli.Cli;
import io.labctl.cli.GlobalOptionUse;
import io.labctl.cli.UsesGlobalOptions;
import io.labctl.cluster.ClusterService;
import io.labctl.cluster.ClusterSpec;
import io.labctl.cluster.KubeconfigStore;
import io.labctl.cluster.ClusterProvider;
import io.labctl.cluster.ProviderOption;
import io.labctl.cluster.Providers;
import io.labctl.core.LabctlException;
import io.labctl.kube.KubeConnector;
import io.labctl.kube.KubeTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code labctl cluster up NAME}. */
@Command(name = "up",
        description = {"Create a lab cluster (or find it running) and wait until every node is Ready.",
            "Checks the host first (engine or hypervisor running, tools installed, memory); nothing is created when",
            "a check fails. The cluster gets the kubeconfig context labctl-NAME, merged into your kubeconfig."},
        footerHeading = "%nExamples:%n",
        footer = {"  labctl cluster up lab1                         # k3s in Docker: 1 master + 2 workers",
            "  labctl cluster up lab1 --workers 3 --memory 3Gi",
            "  labctl cluster up lab2 --provider minikube --driver docker",
            "  labctl cluster up lab3 --provider vagrant      # VirtualBox VMs, Ansible, k3s",
            "  labctl cluster up uni --provider existing --kubeconfig ~/uni.yaml --context course"})
@UsesGlobalOptions({GlobalOptionUse.CLUSTER, GlobalOptionUse.RESULT})
public final class ClusterUpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Cluster name (lowercase letters, digits, '-').")
    String name;

    static final String PROVIDER_OPTION = "--provider";

    @Option(names = "--workers", paramLabel = "N", defaultValue = "2", description = "Worker nodes besides the master (default: ${DEFAULT-VALUE}).")
    int workers = 2;

    @Option(names = "--cpus", paramLabel = "N", defaultValue = "2", description = "CPUs per node (default: ${DEFAULT-VALUE}).")
    int cpus = 2;

    @Option(names = "--memory", paramLabel = "SIZE", defaultValue = "2Gi",
            description = "Memory per node: 2Gi, 2048Mi (default: ${DEFAULT-VALUE}).")
    String memory = "2Gi";

    @Option(names = "--write-kubeconfig", paramLabel = "FILE",
            description = "Write the cluster's kubeconfig to FILE (mode 0600) instead of merging it into yours.")
    Path writeKubeconfig;

    @Option(names = "--no-switch-context", description = "Keep your current kubectl context (labctl-NAME is added, not selected).")
    boolean noSwitch;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "15m",
            description = "How long to wait for every node to be Ready (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    /**
     * Adds what depends on the providers to this command, generated from the registry: {@code --provider} with its
     * values, each provider's own options, and the table of what each provider needs.
     */
    public static void describeProviders(CommandSpec up, Providers providers) {
        up.addOption(OptionSpec.builder(PROVIDER_OPTION).paramLabel("PROVIDER").type(String.class)
                .completionCandidates(providers.names())
                .description("Where the nodes run: " + String.join(", ", providers.names()) + " (default: "
                        + providers.defaultProvider().name() + ").").build());
        List<String> footer = new ArrayList<>(List.of(up.usageMessage().footer()));
        footer.add("");
        footer.add("Providers and what they need:");
        int width = providers.names().stream().mapToInt(String::length).max().orElse(0);
        for (ClusterProvider provider : providers.all()) {
            footer.add("  " + String.format("%-" + width + "s", provider.name()) + "  " + provider.needs());
            for (ProviderOption option : provider.options()) {
                up.addOption(OptionSpec.builder("--" + option.name()).paramLabel(option.paramLabel()).type(String.class)
                        .description(provider.name() + " only: " + option.description()).build());
            }
        }
        up.usageMessage().footer(footer.toArray(String[]::new));
    }

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        String provider = spec.findOption(PROVIDER_OPTION).getValue();
        ClusterService service = ClusterWiring.service(cli);
        ClusterProvider chosen = provider == null ? service.providers().defaultProvider()
                : service.providers().named(provider);
        Path kubeconfig = null;
        String context = null;
        if (!chosen.ownsKubeconfig()) {
            KubeTarget target = cli.target();
            kubeconfig = cli.connector().resolveKubeconfig(target);
            context = target.context() != null ? target.context() : KubeconfigStore.read(kubeconfig).getCurrentContext();
            // An unknown context fails here (exit 3), before anything is recorded.
            cli.connector().loadConfig(new KubeTarget(kubeconfig, context, null));
        }
        ClusterSpec cluster = new ClusterSpec(name, chosen.name(), workers, cpus, parseMiB(memory), kubeconfig, context,
                providerOptions(service.providers())).validate();
        ClusterService.KubeconfigTarget target = writeKubeconfig != null
                ? new ClusterService.KubeconfigTarget(writeKubeconfig, true, true)
                : new ClusterService.KubeconfigTarget(userKubeconfig(cli), false, !noSwitch);
        cli.print(service.up(cluster, target, timeout, cli.progress()), ClusterTextViews::cluster);
        return 0;
    }

    /** The provider options given on the command line, by name; the service refuses those of another provider. */
    private Map<String, String> providerOptions(Providers providers) {
        Map<String, String> given = new LinkedHashMap<>();
        for (ClusterProvider provider : providers.all()) {
            for (ProviderOption option : provider.options()) {
                OptionSpec parsed = spec.findOption("--" + option.name());
                if (parsed != null && parsed.getValue() != null) {
                    given.put(option.name(), parsed.getValue());
                }
            }
        }
        return given;
    }

    /** Where kubectl reads from: --kubeconfig, else the first entry of $KUBECONFIG, else ~/.kube/config. */
    static Path userKubeconfig(Cli cli) {
        if (cli.options().kubeconfigFile() != null) {
            return cli.options().kubeconfigFile();
        }
        String fromEnv = cli.env().get("KUBECONFIG");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv.split(File.pathSeparator)[0]);
        }
        return KubeConnector.home(cli.env()).resolve(".kube").resolve("config");
    }

    /** "2Gi", "2048Mi", "2g", "2048" (MiB) to MiB. */
    static int parseMiB(String size) {
        String value = size.strip();
        try {
            if (value.matches("(?i)\\d+(gi|g|gb)")) {
                return Math.multiplyExact(Integer.parseInt(value.replaceAll("(?i)[a-z]", "")), 1024);
            }
            if (value.matches("(?i)\\d+(mi|m|mb)?")) {
                return Integer.parseInt(value.replaceAll("(?i)[a-z]", ""));
            }
        } catch (NumberFormatException | ArithmeticException tooBig) {
            // falls through to the usage error
        }
        throw LabctlException.usage("--memory '" + size + "' is not a size", "use e.g. 2Gi or 2048Mi");
    }
}
