# shellcheck shell=bash
# Shared constants and helpers of the test bed scripts. Sourced, never run. See CONTRACT.md.

set -euo pipefail

TB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# Pinned versions (change here, and the cache directory names change with them).
TB_K8S_VERSION=v1.34.4
TB_ETCD_VERSION=v3.6.16
TB_KWOK_VERSION=v0.7.0
TB_COREDNS_VERSION=v1.14.7
TB_PAUSE_TAG=3.10
TB_BUSYBOX_TAG=1.35
TB_LOCAL_PATH_VERSION=v0.0.30  # github.com/rancher/local-path-provisioner: dynamic PVs (k3s's and kind's default)

TB_CACHE="${LABCTL_TESTBED_CACHE:-/var/cache/labctl-testbed}"
TB_K8S_BIN="$TB_CACHE/kubernetes-$TB_K8S_VERSION/bin"
TB_ETCD_BIN="$TB_CACHE/etcd-$TB_ETCD_VERSION/bin"
TB_KWOK_BIN="$TB_CACHE/kwok-$TB_KWOK_VERSION/bin"
TB_COREDNS_BIN="$TB_CACHE/coredns-$TB_COREDNS_VERSION/bin"
TB_IMAGES="$TB_CACHE/images"
TB_LOCAL_PATH_BIN="$TB_CACHE/local-path-provisioner-$TB_LOCAL_PATH_VERSION/bin"

TB_STATE="${LABCTL_TESTBED_STATE:-/var/lib/labctl-testbed}"
TB_RUN="/run/labctl-testbed"
TB_PKI="$TB_STATE/pki"
TB_LOGS="$TB_STATE/logs"
TB_PIDS="$TB_RUN/pids"
TB_KUBECONFIG="$TB_STATE/admin.kubeconfig"
TB_AUDIT_LOG="$TB_STATE/audit/audit.log"

TB_HOST_IP=10.77.0.1
TB_HOST_IF=tb-host0
TB_CNI_BRIDGE=tb-cni0
TB_POD_CIDR=10.88.0.0/16
TB_POD_GATEWAY=10.88.0.1
TB_SERVICE_CIDR=10.96.0.0/16
TB_DNS_IP=10.96.0.10
TB_API_PORT=6443
TB_ETCD_CLIENT_PORT=23790
TB_ETCD_PEER_PORT=23800
TB_NODE=testbed-real
TB_CONTAINERD_SOCK="$TB_RUN/containerd/containerd.sock"
TB_KUBELET_ROOT=/var/lib/kubelet
# The test bed's own Docker engine (Debian's docker.io), started by `up` only when no engine already answers.
# Its images live in the build cache, so `down` keeps them; it never touches iptables (--iptables=false).
TB_DOCKER_SOCK="$TB_RUN/docker.sock"
TB_DOCKER_ROOT="$TB_CACHE/docker"
TB_DOCKER_BRIDGE=tb-docker0
TB_DOCKER_BRIDGE_CIDR=10.78.0.1/24
TB_DOCKER_POOL=10.79.0.0/16
# Its default runtime: runc minus CAP_SYS_RESOURCE, which this VM cannot grant (see runc-wrapper/main.go);
# without it `docker run --privileged` (every kind node) fails with "unable to apply caps". Cached by source hash.
TB_RUNC_WRAPPER="$TB_CACHE/runc-wrapper-$(cat "$TB_ROOT"/runc-wrapper/go.mod "$TB_ROOT"/runc-wrapper/main.go | sha256sum | cut -c1-12)/labctl-runc"
# Offline inputs for dockerfiles/ (SOURCES=local): Spark and Hadoop tarballs and an OS base image.
TB_DIST="$TB_CACHE/dist"
TB_OS_BASE_IMAGE=labctl/os-base:bookworm

export PATH="$TB_K8S_BIN:$PATH"

# --- output -----------------------------------------------------------------------------------

tb_log() { printf '[testbed] %s\n' "$*" >&2; }
tb_die() { printf '[testbed] error: %s\n' "$*" >&2; exit 1; }

# tb_step "what" command...: runs a step, prints its name and how long it took.
tb_step() {
  local what="$1"; shift
  local start=$SECONDS
  tb_log "==> $what"
  # Explicit status check: callers write `tb_step ... || handle`, and bash ignores `set -e` inside such calls.
  local rc=0
  "$@" || rc=$?
  if ((rc != 0)); then
    tb_log "    FAILED after $((SECONDS - start))s (exit $rc): $what"
    return "$rc"
  fi
  tb_log "    done in $((SECONDS - start))s: $what"
}

# --- processes --------------------------------------------------------------------------------

# tb_start NAME command...: starts a daemon in the background, its log in $TB_LOGS/NAME.log, its pid recorded.
tb_start() {
  local name="$1"; shift
  mkdir -p "$TB_LOGS" "$TB_PIDS"
  if tb_running "$name"; then
    tb_log "    $name already runs (pid $(cat "$TB_PIDS/$name.pid"))"
    return 0
  fi
  # setsid: its own process group, so stopping it never signals the caller; no stdin.
  setsid "$@" </dev/null >>"$TB_LOGS/$name.log" 2>&1 &
  echo $! >"$TB_PIDS/$name.pid"
  tb_log "    started $name (pid $!), log $TB_LOGS/$name.log"
}

tb_running() {
  local pidfile="$TB_PIDS/$1.pid"
  [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

# tb_stop NAME [timeout]: SIGTERM, wait, then SIGKILL; removes the pid file.
tb_stop() {
  local name="$1" timeout="${2:-20}" pidfile="$TB_PIDS/$1.pid" pid
  [[ -f "$pidfile" ]] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq $((timeout * 10))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      tb_log "    $name did not stop in ${timeout}s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    tb_log "    stopped $name (pid $pid)"
  fi
  rm -f "$pidfile"
}

# tb_fail_with_log NAME message: prints the tail of a daemon's log, then fails.
tb_fail_with_log() {
  local name="$1"; shift
  tb_log "last lines of $TB_LOGS/$name.log:"
  tail -n 25 "$TB_LOGS/$name.log" >&2 || true
  tb_die "$*"
}

# tb_wait_for SECONDS DESCRIPTION command...: polls a condition every half second.
tb_wait_for() {
  local timeout="$1" what="$2"; shift 2
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      return 1
    fi
    sleep 0.5
  done
  tb_log "    ready: $what"
}

tb_kubectl() { "$TB_K8S_BIN/kubectl" --kubeconfig "$TB_KUBECONFIG" "$@"; }

# tb_import_image ARCHIVE: imports a docker-archive tarball into the real node's containerd
# (namespace k8s.io, where the kubelet looks) and, when a Docker engine answers, into Docker too.
tb_import_image() {
  local archive="$1"
  if [[ -S "$TB_CONTAINERD_SOCK" ]]; then
    ctr --address "$TB_CONTAINERD_SOCK" -n k8s.io images import "$archive" >/dev/null
    tb_log "    imported $(basename "$archive") into the real node's containerd"
  fi
  if tb_docker_answers; then
    tb_docker load -i "$archive" >/dev/null
    tb_log "    loaded $(basename "$archive") into Docker"
  fi
}

# tb_docker ARGS...: the docker CLI against the test bed's engine when it runs, else the machine's own.
tb_docker() {
  if [[ -S "$TB_DOCKER_SOCK" ]]; then DOCKER_HOST="unix://$TB_DOCKER_SOCK" docker "$@"; else docker "$@"; fi
}

tb_docker_answers() {
  command -v docker >/dev/null 2>&1 || return 1
  if [[ -S "$TB_DOCKER_SOCK" ]]; then
    DOCKER_HOST="unix://$TB_DOCKER_SOCK" timeout 5 docker info >/dev/null 2>&1
  else
    timeout 5 docker info >/dev/null 2>&1
  fi
}

# tb_build_runc_wrapper: builds $TB_RUNC_WRAPPER unless cached (a static binary, a few seconds).
tb_build_runc_wrapper() {
  if [[ -x "$TB_RUNC_WRAPPER" ]]; then tb_log "    cached: $TB_RUNC_WRAPPER"; return; fi
  local dir
  dir=$(dirname "$TB_RUNC_WRAPPER")
  # `|| return 1`: run under tb_step, where `set -e` does not apply.
  mkdir -p "$dir.tmp" || return 1
  (cd "$TB_ROOT/runc-wrapper" && CGO_ENABLED=0 GOFLAGS=-mod=readonly go build -trimpath -ldflags "-s -w" -o "$dir.tmp/labctl-runc" .) || return 1
  rm -rf "$dir" && mv "$dir.tmp" "$dir"
}

tb_require_root() {
  [[ $EUID -eq 0 ]] || tb_die "the test bed needs root (it starts containerd, the kubelet and iptables rules); run with sudo"
}

# tb_build_local_path: rancher's local-path-provisioner from the Go module proxy, into the cache (the test bed runs
# it as a host process; kind's node image carries it as an image). Cached by version.
tb_build_local_path() {
  if [[ -x "$TB_LOCAL_PATH_BIN/local-path-provisioner" ]]; then tb_log "    cached: $TB_LOCAL_PATH_BIN"; return; fi
  rm -rf "$TB_LOCAL_PATH_BIN.tmp" && mkdir -p "$TB_LOCAL_PATH_BIN.tmp" || return 1
  CGO_ENABLED=0 GOBIN="$TB_LOCAL_PATH_BIN.tmp" go install -trimpath -ldflags "-s -w" \
    "github.com/rancher/local-path-provisioner@$TB_LOCAL_PATH_VERSION" || return 1
  rm -rf "$TB_LOCAL_PATH_BIN" && mv "$TB_LOCAL_PATH_BIN.tmp" "$TB_LOCAL_PATH_BIN"
}
