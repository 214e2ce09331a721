package io.labctl.cluster;

import io.labctl.exec.ProcessRunner;
import io.labctl.kube.KubeConnector;

import java.nio.file.Path;
import java.util.Map;

/**
 * What providers are built with; every provider takes this one record, so adding a provider never changes how the
 * others are wired.
 *
 * @param runner      runs the providers' tools (docker, minikube, vagrant)
 * @param registry    the clusters labctl knows, and their working directories
 * @param connector   reaches clusters through a kubeconfig
 * @param home        labctl's checkout (its Vagrantfile and playbooks), or null when unknown
 * @param environment the process environment (LABCTL_OFFLINE, ...)
 */
public record ProviderTools(ProcessRunner runner, ClusterRegistry registry, KubeConnector connector, Path home,
                            Map<String, String> environment) {
}
