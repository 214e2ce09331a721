package io.labctl.cli.cluster;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code labctl cluster ...}: lab clusters with a master and worker nodes. */
@Command(name = "cluster",
        description = "Create, inspect and remove lab clusters (one master, N workers) with k3s, minikube, Vagrant, or an existing kubeconfig.",
        footerHeading = "%nExamples:%n",
        footer = {"  labctl cluster up lab1 --workers 2          # k3s in Docker: a master and 2 worker nodes",
            "  labctl cluster list -o wide", "  labctl cluster down lab1"},
        subcommands = {ClusterUpCommand.class, ClusterStatusCommand.class, ClusterListCommand.class, ClusterDownCommand.class})
public final class ClusterCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
