package io.labctl.cluster;

/** Where a lab cluster's nodes come from. The order is the order `labctl cluster up --help` lists them in. */
public enum ProviderKind {
    /** k3s server and agent containers in the local Docker engine, through Testcontainers (the default). */
    k3s("Docker engine running; the rancher/k3s image (pulled once)"),
    /** minikube profiles (one control plane + N worker nodes) with minikube's own driver. */
    minikube("minikube on PATH and a driver (docker, kvm2, virtualbox...)"),
    /** VirtualBox VMs from the Vagrantfile, provisioned by the Ansible playbooks (k3s server + agents). */
    vagrant("vagrant and VirtualBox on PATH, ansible-playbook on PATH"),
    /** Any cluster a kubeconfig already reaches; labctl only records it and never deletes it. */
    existing("a kubeconfig and context that reach the cluster");

    private final String needs;

    ProviderKind(String needs) {
        this.needs = needs;
    }

    /** What the host needs for this provider, for error messages and the README table. */
    public String needs() {
        return needs;
    }
}
