# shellcheck shell=bash
# Constants and helpers of testbed/kind/* (sourced after ../lib.sh, never run). Everything is pinned here;
# a version is part of its cache directory's name, so changing one rebuilds just that piece.
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

TB_KIND_ROOT="$TB_ROOT/kind"

# kind itself, and what its node-image builder (v0.33.0) and kubeadm v1.34.4 ask for by name.
TB_KIND_VERSION=v0.33.0
TB_KIND_CONTAINERD_VERSION=v2.3.4   # what kind v0.33.0's base image builds
TB_KIND_CRICTL_VERSION=v1.34.0      # sigs.k8s.io/cri-tools, same minor as Kubernetes
TB_KIND_ETCD_VERSION=v3.6.5         # kubeadm v1.34.4 DefaultEtcdVersion 3.6.5-0
TB_KIND_COREDNS_VERSION=v1.12.1     # kubeadm v1.34.4 CoreDNSVersion
TB_KIND_LOCAL_PATH_VERSION=v0.0.30  # github.com/rancher/local-path-provisioner
# Image names inside the node that kind v0.33.0 hard-codes (pkg/build/nodeimage/const_*.go): its builder
# pulls any of them that the Kubernetes tarball's archives do not carry, so they must carry these names.
TB_KIND_KINDNETD_REF=docker.io/kindest/kindnetd:v20260820-69b56db7
TB_KIND_LOCAL_PATH_REF=docker.io/kindest/local-path-provisioner:v20260820-69b56db7
TB_KIND_LOCAL_PATH_HELPER_REF=docker.io/kindest/local-path-helper:v20260131-7181c60a
# Our own names for the same images (each image carries both tags), and the sandbox image we choose.
TB_KIND_KINDNET_IMAGE=labctl/kindnet:0.1.0
TB_KIND_PAUSE_IMAGE="labctl/pause:$TB_PAUSE_TAG"

# The images this builds (Docker level): no registry host, pinned tags.
TB_KIND_BASE_IMAGE="labctl/kind-base:$TB_KIND_VERSION-bookworm"
TB_KIND_NODE_IMAGE="labctl/kind-node:$TB_K8S_VERSION"

TB_KIND_BIN="$TB_CACHE/kind-$TB_KIND_VERSION/bin"
TB_KIND="$TB_KIND_BIN/kind"
TB_KIND_KUBEADM_BIN="$TB_CACHE/kubeadm-$TB_K8S_VERSION/bin"
TB_KIND_CONTAINERD_BIN="$TB_CACHE/containerd-$TB_KIND_CONTAINERD_VERSION/bin"
TB_KIND_CRICTL_BIN="$TB_CACHE/crictl-$TB_KIND_CRICTL_VERSION/bin"
TB_KIND_ETCD_BIN="$TB_CACHE/etcd-$TB_KIND_ETCD_VERSION/bin"
# CoreDNS with the plugins a kind cluster uses (go/coredns/main.go), keyed by that list.
TB_KIND_COREDNS_BIN="$TB_CACHE/coredns-$TB_KIND_COREDNS_VERSION-$(cat "$TB_KIND_ROOT"/go/coredns/main.go "$TB_KIND_ROOT"/go/coredns/go.mod | sha256sum | cut -c1-12)/bin"
TB_KIND_LOCAL_PATH_BIN="$TB_CACHE/local-path-provisioner-$TB_KIND_LOCAL_PATH_VERSION/bin"
# Our own kindnet (kindnet/): cached by the hash of its source (tests excluded).
TB_KIND_TOOLS_BIN="$TB_CACHE/kind-tools-$( (cd "$TB_KIND_ROOT/kindnet" 2>/dev/null && cat go.mod $(ls *.go | grep -v _test.go)) | sha256sum | cut -c1-12)/bin"
# The node image's inputs and output: the Kubernetes tarball, the base rootfs layer, the saved node image.
TB_KIND_NODE_DIR="$TB_CACHE/kind-node-$TB_K8S_VERSION-$TB_KIND_VERSION"

# A Docker engine of its own for developing and checking kind without the test bed (testbed/kind/dev-engine):
# Debian's dockerd with the runc wrapper as default runtime, its own socket, data, bridge and address pool
# (10.90.0.0/16: clear of the test bed's 10.77/16, 10.78.0.0/24, 10.79/16, 10.88/16, 10.96/16), no iptables.
TB_KIND_DEV_RUN=/run/labctl-kind-dev
TB_KIND_DEV_SOCK="$TB_KIND_DEV_RUN/docker.sock"
TB_KIND_DEV_ROOT=/var/cache/labctl-kind-dev/docker
TB_KIND_DEV_BRIDGE=kd-docker0
TB_KIND_DEV_BRIDGE_CIDR=10.90.0.1/24
TB_KIND_DEV_POOL=10.90.16.0/20
