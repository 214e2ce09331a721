#!/usr/bin/env bash
# Entrypoint of every labctl Spark image (dockerfiles/ and testbed/images use this same file).
#
#   master              Spark standalone master, in the foreground (logs to stdout/stderr)
#   worker [URL]        Spark standalone worker registering with URL (default: $SPARK_MASTER_URL)
#   driver ARGS...      Spark-on-Kubernetes driver (native mode: spark-submit --deploy-mode cluster)
#   executor            Spark-on-Kubernetes executor (native mode), configured by SPARK_EXECUTOR_* variables
#   anything else       run as given (spark-submit ..., bash, python3 ...)
#
# Settings come from the environment the Deployments set: SPARK_MASTER_HOST, SPARK_MASTER_PORT,
# SPARK_MASTER_WEBUI_PORT, SPARK_MASTER_URL, SPARK_WORKER_CORES, SPARK_WORKER_MEMORY, SPARK_WORKER_WEBUI_PORT.
set -euo pipefail

: "${SPARK_HOME:=/opt/spark}"

die() {
  echo "labctl-entrypoint: error: $*" >&2
  exit 64
}

# Java (and Hadoop's user lookup) fail for a uid without a passwd entry, e.g. a random runAsUser.
ensure_passwd_entry() {
  local uid gid
  uid=$(id -u); gid=$(id -g)
  if ! getent passwd "$uid" >/dev/null 2>&1 && [ -w /etc/passwd ]; then
    echo "$uid:x:$uid:$gid:${SPARK_USER_NAME:-spark (uid $uid)}:$SPARK_HOME:/bin/false" >>/etc/passwd
  fi
}

# require_port NAME VALUE: a port number, or a one-line explanation of what went wrong.
require_port() {
  case "$2" in
    *[!0-9]* | "")
      case "$2" in
        tcp://*) die "$1=$2 is a Kubernetes service-link variable, not a port: a Service named like" \
          "'${1%_PORT}' in this namespace injected it. Set 'enableServiceLinks: false' on the pod (or rename the Service)." ;;
      esac
      die "$1='$2' is not a port number" ;;
  esac
}

# The classpath native-mode executors need (spark-class computes it for the other roles).
executor_classpath() {
  local cp="${SPARK_CONF_DIR:-$SPARK_HOME/conf}:$SPARK_HOME/jars/*"
  [ -n "${SPARK_EXTRA_CLASSPATH:-}" ] && cp="$cp:$SPARK_EXTRA_CLASSPATH"
  [ -n "${HADOOP_CONF_DIR:-}" ] && cp="$HADOOP_CONF_DIR:$cp"
  [ -n "${SPARK_DIST_CLASSPATH:-}" ] && cp="$cp:$SPARK_DIST_CLASSPATH"
  echo "$cp"
}

ensure_passwd_entry
role="${1:-}"
[ $# -gt 0 ] && shift
case "$role" in
  master)
    port="${SPARK_MASTER_PORT:-7077}"
    ui="${SPARK_MASTER_WEBUI_PORT:-8080}"
    require_port SPARK_MASTER_PORT "$port"
    require_port SPARK_MASTER_WEBUI_PORT "$ui"
    host="${SPARK_MASTER_HOST:-$(hostname -i | awk '{print $1}')}"
    cmd=("$SPARK_HOME/bin/spark-class" org.apache.spark.deploy.master.Master
      --host "$host" --port "$port" --webui-port "$ui" "$@")
    ;;
  worker)
    url="${SPARK_MASTER_URL:-}"
    if [ $# -gt 0 ] && [ "${1#spark://}" != "$1" ]; then
      url="$1"; shift
    fi
    [ -n "$url" ] || die "a worker needs its master: set SPARK_MASTER_URL=spark://HOST:7077 or pass the URL as argument"
    case "$url" in spark://*:*) ;; *) die "master URL '$url' must look like spark://HOST:PORT" ;; esac
    ui="${SPARK_WORKER_WEBUI_PORT:-8081}"
    require_port SPARK_WORKER_WEBUI_PORT "$ui"
    # Spark's default ($SPARK_HOME/work) is not writable by the non-root user; executors' stdout/stderr go here.
    export SPARK_WORKER_DIR="${SPARK_WORKER_DIR:-$SPARK_HOME/work-dir/work}"
    # After losing the master, a worker reconnects to the master's advertised address (the old pod IP) unless told
    # to prefer the address it was configured with: the Service name, which follows a restarted master pod.
    export SPARK_WORKER_OPTS="-Dspark.worker.preferConfiguredMasterAddress=true ${SPARK_WORKER_OPTS:-}"
    mkdir -p "$SPARK_WORKER_DIR" || die "cannot create the worker directory $SPARK_WORKER_DIR; mount a writable volume there"
    args=(--webui-port "$ui")
    [ -n "${SPARK_WORKER_CORES:-}" ] && args+=(--cores "$SPARK_WORKER_CORES")
    [ -n "${SPARK_WORKER_MEMORY:-}" ] && args+=(--memory "$SPARK_WORKER_MEMORY")
    cmd=("$SPARK_HOME/bin/spark-class" org.apache.spark.deploy.worker.Worker "${args[@]}" "$@" "$url")
    ;;
  driver)
    # Spark's Kubernetes submission client starts the driver pod with "driver" and these settings.
    cmd=("$SPARK_HOME/bin/spark-submit" --conf "spark.driver.bindAddress=${SPARK_DRIVER_BIND_ADDRESS:-0.0.0.0}"
      --deploy-mode client "$@")
    ;;
  executor)
    for v in SPARK_DRIVER_URL SPARK_EXECUTOR_ID SPARK_EXECUTOR_CORES SPARK_EXECUTOR_MEMORY SPARK_APPLICATION_ID \
      SPARK_EXECUTOR_POD_IP SPARK_RESOURCE_PROFILE_ID SPARK_EXECUTOR_POD_NAME; do
      [ -n "${!v:-}" ] || die "executor: $v is not set (executor pods are created by a Spark driver, not by hand)"
    done
    # The driver passes JVM options as SPARK_JAVA_OPT_0, SPARK_JAVA_OPT_1, ... in this order.
    java_opts=()
    while IFS= read -r opt; do java_opts+=("$opt"); done < <(env | grep '^SPARK_JAVA_OPT_' | sort -t_ -k4 -n | cut -d= -f2-)
    cmd=("${JAVA_HOME:-/usr}/bin/java" "${java_opts[@]}" "-Xms$SPARK_EXECUTOR_MEMORY" "-Xmx$SPARK_EXECUTOR_MEMORY"
      -cp "$(executor_classpath)" org.apache.spark.scheduler.cluster.k8s.KubernetesExecutorBackend
      --driver-url "$SPARK_DRIVER_URL" --executor-id "$SPARK_EXECUTOR_ID" --cores "$SPARK_EXECUTOR_CORES"
      --app-id "$SPARK_APPLICATION_ID" --hostname "$SPARK_EXECUTOR_POD_IP"
      --resourceProfileId "$SPARK_RESOURCE_PROFILE_ID" --podName "$SPARK_EXECUTOR_POD_NAME")
    ;;
  "")
    cmd=(bash)
    ;;
  *)
    cmd=("$role" "$@")
    ;;
esac

# tini reaps zombies and forwards signals, so `kubectl delete pod` stops Spark cleanly.
if command -v tini >/dev/null 2>&1; then
  exec tini -s -- "${cmd[@]}"
fi
exec "${cmd[@]}"
