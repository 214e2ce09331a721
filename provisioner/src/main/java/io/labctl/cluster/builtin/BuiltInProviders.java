package io.labctl.cluster.builtin;

import io.labctl.cluster.ProviderTools;
import io.labctl.cluster.Providers;
import io.labctl.cluster.existing.ExistingProvider;
import io.labctl.cluster.k3s.K3sProvider;
import io.labctl.cluster.kind.KindProvider;
import io.labctl.cluster.minikube.MinikubeProvider;
import io.labctl.cluster.vagrant.VagrantProvider;

import java.util.List;

/** The providers labctl ships. Adding one is its package plus one line here. */
public final class BuiltInProviders {
    private BuiltInProviders() {
    }

    public static Providers create(ProviderTools tools) {
        return Providers.of(List.of(
                new K3sProvider(tools),       // the default: k3s server and agent containers in Docker
                new KindProvider(tools),      // kind: kubeadm nodes as containers in Docker (what Kubernetes' own CI uses)
                new MinikubeProvider(tools),  // minikube profiles, with minikube's own driver
                new VagrantProvider(tools),   // VirtualBox VMs provisioned by the Ansible playbooks
                new ExistingProvider(tools)   // any cluster a kubeconfig already reaches; never deleted
        ));
    }
}
