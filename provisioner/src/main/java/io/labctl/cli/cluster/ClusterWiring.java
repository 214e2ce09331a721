package io.labctl.cli.cluster;

import io.labctl.cli.Cli;
import io.labctl.cli.CliContext;
import io.labctl.cluster.ClusterRegistry;
import io.labctl.cluster.ClusterService;
import io.labctl.cluster.ProviderTools;
import io.labctl.cluster.Providers;
import io.labctl.cluster.builtin.BuiltInProviders;
import io.labctl.core.LabctlException;
import io.labctl.core.LabctlHome;
import io.labctl.exec.ProcessRunner;
import io.labctl.image.ImageLoader;

import java.nio.file.Path;

/** Builds the cluster services from the process environment; one place, so every command sees the same registry. */
public final class ClusterWiring {
    private ClusterWiring() {
    }

    public static ClusterRegistry registry(Cli cli) {
        return ClusterRegistry.fromEnvironment(cli.env());
    }

    public static Providers providers(CliContext context) {
        ProcessRunner runner = new ProcessRunner(context.env());
        return BuiltInProviders.create(new ProviderTools(runner, ClusterRegistry.fromEnvironment(context.env()),
                context.connector(), homeOrNull(context), context.env()));
    }

    public static ClusterService service(Cli cli) {
        return new ClusterService(providers(cli.context()), registry(cli), cli.connector());
    }

    public static ImageLoader loader(Cli cli) {
        return new ImageLoader(new ProcessRunner(cli.env()));
    }

    /** The checkout matters only to the Vagrant provider; the others work without it. */
    static Path homeOrNull(CliContext context) {
        try {
            return LabctlHome.resolve(context.env());
        } catch (LabctlException e) {
            return null;
        }
    }
}
