package io.labctl.cli.cluster;

import io.labctl.cli.Cli;
import io.labctl.cluster.ClusterProvider;
import io.labctl.cluster.ClusterRegistry;
import io.labctl.cluster.ClusterService;
import io.labctl.cluster.existing.ExistingProvider;
import io.labctl.cluster.k3s.K3sProvider;
import io.labctl.cluster.minikube.MinikubeProvider;
import io.labctl.cluster.vagrant.VagrantProvider;
import io.labctl.core.LabctlException;
import io.labctl.core.LabctlHome;
import io.labctl.exec.ProcessRunner;
import io.labctl.image.ImageLoader;

import java.nio.file.Path;
import java.util.List;

/** Builds the cluster services from the process environment; one place, so every command sees the same registry. */
public final class ClusterWiring {
    private ClusterWiring() {
    }

    public static ClusterRegistry registry(Cli cli) {
        return ClusterRegistry.fromEnvironment(cli.env());
    }

    public static ClusterService service(Cli cli, String minikubeDriver) {
        ProcessRunner runner = new ProcessRunner(cli.env());
        ClusterRegistry registry = registry(cli);
        List<ClusterProvider> providers = List.of(
                new K3sProvider("1".equals(cli.env().get("LABCTL_OFFLINE"))), // default: containers in Docker
                new MinikubeProvider(runner, registry, minikubeDriver),       // minikube profiles
                new VagrantProvider(runner, registry, homeOrNull(cli)),       // VirtualBox VMs + Ansible
                new ExistingProvider(cli.connector()));                       // someone else's cluster
        return new ClusterService(providers, registry, cli.connector());
    }

    public static ImageLoader loader(Cli cli) {
        ProcessRunner runner = new ProcessRunner(cli.env());
        return new ImageLoader(runner, new VagrantProvider(runner, registry(cli), homeOrNull(cli)));
    }

    /** The checkout matters only to the Vagrant provider; the others work without it. */
    static Path homeOrNull(Cli cli) {
        try {
            return LabctlHome.resolve(cli.env());
        } catch (LabctlException e) {
            return null;
        }
    }
}
