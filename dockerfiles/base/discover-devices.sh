#!/usr/bin/env bash
# Spark resource discovery script for devices handed out by a Kubernetes device plugin.
#
#   spark.executor.resource.vgpu.amount=1
#   spark.executor.resource.vgpu.vendor=labctl.io
#   spark.executor.resource.vgpu.discoveryScript=/opt/spark/bin/discover-devices.sh
#
# labctl's virtual plugin puts the ids it allocated to the container in LABCTL_VISIBLE_DEVICES and the resource in
# LABCTL_DEVICE_RESOURCE (labctl.io/vgpu); NVIDIA's runtime sets NVIDIA_VISIBLE_DEVICES. Spark wants
#   {"name": "vgpu", "addresses": ["vgpu-0"]}
# where name is the part after the slash, and fails the executor if it gets fewer addresses than it asked for.
set -euo pipefail

resource="${LABCTL_DEVICE_RESOURCE:-}"
ids="${LABCTL_VISIBLE_DEVICES:-}"
if [ -z "$ids" ] && [ -n "${NVIDIA_VISIBLE_DEVICES:-}" ] && [ "${NVIDIA_VISIBLE_DEVICES}" != "void" ]; then
  resource="nvidia.com/gpu"
  ids="$NVIDIA_VISIBLE_DEVICES"
fi
name="${SPARK_DEVICE_RESOURCE_NAME:-${resource##*/}}"
[ -n "$name" ] || name="gpu"

addresses=""
IFS=',' read -r -a list <<<"$ids"
for id in "${list[@]}"; do
  [ -n "$id" ] || continue
  addresses="${addresses:+$addresses,}\"$id\""
done
printf '{"name": "%s", "addresses": [%s]}\n' "$name" "$addresses"
