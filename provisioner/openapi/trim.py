#!/usr/bin/env python3
"""Vendors the Kubernetes OpenAPI v3 schemas labctl validates submitted manifests against when no cluster is at hand.

  kubectl get --raw /openapi/v3/api/v1 > api-v1.json            # from an API server of the pinned version (v1.34.4,
  kubectl get --raw /openapi/v3/apis/apps/v1 > apps-v1.json     # the test bed's)
  kubectl get --raw /openapi/v3/apis/batch/v1 > batch-v1.json
  provisioner/openapi/trim.py VERSION api-v1.json apps-v1.json batch-v1.json \
      | gzip -9n > provisioner/src/main/resources/kubernetes/openapi-v3.json.gz

Keeps the schemas reachable from the kinds a lab submission holds, without descriptions (a tenth of the size); the
rest of each schema (types, properties, required, enums, formats, x-kubernetes-* markers) is kept as served.
"""
import json
import sys

KINDS = {
    "v1": ["Pod", "Service", "ConfigMap", "Secret", "PersistentVolumeClaim", "ServiceAccount", "Namespace"],
    "apps/v1": ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"],
    "batch/v1": ["Job", "CronJob"],
}


def strip(node):
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if k != "description"}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


def refs(node, out):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "$ref":
                out.add(v.rsplit("/", 1)[1])
            else:
                refs(v, out)
    elif isinstance(node, list):
        for v in node:
            refs(v, out)


def main():
    version, files = sys.argv[1], sys.argv[2:]
    schemas = {}
    for f in files:
        schemas.update(json.load(open(f))["components"]["schemas"])
    roots = {}
    for name, schema in schemas.items():
        for gvk in schema.get("x-kubernetes-group-version-kind", []):
            api = (gvk["group"] + "/" if gvk["group"] else "") + gvk["version"]
            if gvk["kind"] in KINDS.get(api, []):
                roots[api + "/" + gvk["kind"]] = name
    keep, todo = set(), list(roots.values())
    while todo:
        name = todo.pop()
        if name in keep:
            continue
        keep.add(name)
        found = set()
        refs(schemas[name], found)
        todo.extend(found - keep)
    json.dump({"kubernetesVersion": version, "kinds": dict(sorted(roots.items())),
               "schemas": {n: strip(schemas[n]) for n in sorted(keep)}}, sys.stdout, separators=(",", ":"), sort_keys=True)


main()
