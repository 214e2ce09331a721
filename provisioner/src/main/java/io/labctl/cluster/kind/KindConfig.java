package io.labctl.cluster.kind;

/**
 * The kind cluster configuration labctl writes for a lab cluster: one control-plane node and N workers, with the two
 * patches some hosts need and every host tolerates.
 */
final class KindConfig {
    private KindConfig() {
    }

    static String yaml(int workers) {
        StringBuilder yaml = new StringBuilder("""
                # Written by labctl (labctl cluster up --provider kind): a control-plane node and the workers.
                kind: Cluster
                apiVersion: kind.x-k8s.io/v1alpha4
                nodes:
                - role: control-plane
                """);
        yaml.append("- role: worker\n".repeat(workers));
        yaml.append("""
                containerdConfigPatches:
                # Machines whose containers lack CAP_SYS_RESOURCE (some CI VMs) cannot lower OOM scores: containerd
                # clamps the kubelet's negative scores instead of failing every pod start. Harmless elsewhere.
                - |-
                  [plugins."io.containerd.grpc.v1.cri"]
                    restrict_oom_score_adj = true
                kubeadmConfigPatches:
                # Kubernetes 1.34's kubelet still starts on cgroup v1 hosts; said explicitly so that a newer node
                # image fails loudly there instead of mysteriously.
                - |
                  kind: KubeletConfiguration
                  failCgroupV1: false
                """);
        return yaml.toString();
    }
}
