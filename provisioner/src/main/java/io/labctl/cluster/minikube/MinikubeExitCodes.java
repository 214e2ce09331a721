package io.labctl.cluster.minikube;

/**
 * minikube's exit codes come in ranges by cause (pkg/minikube/reason/exitcodes.go); students get the cause and
 * the usual fix in plain words, next to minikube's own message.
 */
public final class MinikubeExitCodes {
    private MinikubeExitCodes() {
    }

    /** What went wrong, by range. */
    public static String cause(int exitCode) {
        return switch (exitCode / 10) {
            case 1 -> "minikube was called with options it rejects or that conflict with the existing profile";
            case 2 -> "this machine lacks the CPU, memory or disk the requested nodes need";
            case 3 -> "the host is not set up the way minikube needs";
            case 4 -> "a local network problem (proxy, VPN or firewall)";
            case 5 -> "the minikube driver is missing or failed";
            case 6 -> "the driver's platform (Docker engine or hypervisor) is not running or not usable";
            case 8 -> "the minikube node (VM or container) failed";
            case 9 -> "the container runtime inside the node failed";
            case 10 -> "the Kubernetes control plane did not come up";
            case 11 -> "a Kubernetes service or addon failed";
            default -> "minikube failed";
        };
    }

    /** The usual next step for that cause. */
    public static String fix(int exitCode) {
        return switch (exitCode / 10) {
            case 1 -> "check the options; an old profile with other settings: labctl cluster down NAME first";
            case 2 -> "use fewer --workers or smaller --cpus/--memory, or free memory and disk";
            case 5, 6 -> "start Docker (or your hypervisor), or pass --driver docker|kvm2|virtualbox explicitly";
            case 4 -> "check proxy settings (HTTP_PROXY/NO_PROXY) and VPNs";
            default -> "see `minikube logs -p NAME`, then `labctl cluster down NAME` and try again";
        };
    }
}
