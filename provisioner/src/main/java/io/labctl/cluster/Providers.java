package io.labctl.cluster;

import io.labctl.core.LabctlException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A set of providers, in the order help and errors list them; the first is the default. The CLI's {@code --provider}
 * values, the per-provider options and the "what the host needs" lines are generated from it. labctl's own set is
 * {@link io.labctl.cluster.builtin.BuiltInProviders}.
 */
public final class Providers {
    private final List<ClusterProvider> providers;

    private Providers(List<ClusterProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    public static Providers of(List<ClusterProvider> providers) {
        return new Providers(providers);
    }

    public List<ClusterProvider> all() {
        return providers;
    }

    public ClusterProvider defaultProvider() {
        return providers.get(0);
    }

    public List<String> names() {
        return providers.stream().map(ClusterProvider::name).toList();
    }

    /** The provider of this name; a usage error listing the known ones otherwise. */
    public ClusterProvider named(String name) {
        return providers.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> LabctlException.usage("unknown provider '" + name + "'",
                        "use one of: " + String.join(", ", names())));
    }

    /** "k3s (a Docker engine ...), minikube (...)": the other ways, for a preflight failure's hint. */
    public String alternativesTo(ClusterProvider provider) {
        return providers.stream().filter(p -> p != provider).map(p -> p.name() + " (" + p.needs() + ")")
                .collect(Collectors.joining(", "));
    }
}
