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
TB_KIND_LOCAL_PATH_VERSION=$TB_LOCAL_PATH_VERSION  # the test bed's (../lib.sh)
# Image names inside the node: kind's builder pulls any image kubeadm or kind asks for that the Kubernetes
# tarball's archives do not carry, so they must carry those exact names. The names are never written here: they
# are read from kubeadm (`kubeadm config images list`) and from kind's source in the Go module cache
# (pkg/build/nodeimage/const_*.go), so they follow the pinned versions (tb_kind_kubeadm_image, tb_kind_const_image).
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
TB_KIND_LOCAL_PATH_BIN="$TB_LOCAL_PATH_BIN"
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

# tb_kind_kubeadm_image NAME: the image kubeadm v1.34.4 asks for whose name ends in /NAME (kube-apiserver, etcd...).
tb_kind_kubeadm_image() {
  local ref
  ref=$("$TB_KIND_KUBEADM_BIN/kubeadm" config images list --kubernetes-version "$TB_K8S_VERSION" 2>/dev/null \
        | grep -E "/$1:[^/]+\$" | head -1) || true
  [[ -n "$ref" ]] || { tb_log "kubeadm names no image */$1"; return 1; }
  echo "$ref"
}

# tb_kind_const_image CONST: an image name kind v0.33.0's node-image builder hard-codes (a Go string constant in
# pkg/build/nodeimage/const_*.go: kindnetdImage, storageProvisionerImage, storageHelperImage).
tb_kind_const_image() {
  local src ref
  # `go mod download` gives the module's directory, fetching it from the module proxy when the cache lacks it.
  src="$(go mod download -json "sigs.k8s.io/kind@$TB_KIND_VERSION" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')/pkg/build/nodeimage"
  ref=$(sed -n "s/^const $1 = \"\\([^\"]*\\)\"\$/\\1/p" "$src"/const_*.go | head -1)
  [[ -n "$ref" ]] || { tb_log "kind $TB_KIND_VERSION has no constant $1 in $src"; return 1; }
  echo "$ref"
}
