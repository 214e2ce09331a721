#!/usr/bin/env python3
"""Assembles a docker-archive (what `docker save` writes) from layer tarballs, without any registry or
container engine. Both `docker load` and `ctr images import` read it.

    mkarchive.py OUT.tar SPEC.json

SPEC.json: {"layers": ["os.tar", "spark.tar"],
            "images": [{"tag": "labctl/spark-base:3.5.7",
                        "config": {"Env": [...], "Entrypoint": [...], "Cmd": [...], "User": "185", ...}}]}
Every image has the spec's "layers" unless it names its own ("layers": [...]; "tags": [...] gives an image
several names). Output is deterministic: the same inputs give the same bytes, so rebuilding an unchanged
image changes nothing. The archive starts with a `repositories` entry naming every image, as `docker save`
writes it: readers that look only at the first entry they meet (kind's node-image builder) see them all.
"""
import hashlib
import io
import json
import os
import sys
import tarfile

CREATED = "2024-01-01T00:00:00Z"  # fixed, for reproducible image ids


def sha256_of(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def add_bytes(tar, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = 0
    info.mode = 0o644
    tar.addfile(info, io.BytesIO(data))


def main(out, spec_path):
    with open(spec_path) as f:
        spec = json.load(f)
    digests = {}
    for image in spec["images"]:
        for path in image.get("layers", spec.get("layers", [])):
            if path not in digests:
                if not tarfile.is_tarfile(path):
                    sys.exit(f"mkarchive: {path} is not a tar file")
                digests[path] = sha256_of(path)
    manifest = []
    repositories = {}
    tmp = out + ".part"
    with tarfile.open(tmp, "w", format=tarfile.PAX_FORMAT) as tar:
        configs = []
        for image in spec["images"]:
            layers = [(p, digests[p]) for p in image.get("layers", spec.get("layers", []))]
            config = {
                "architecture": "amd64",
                "os": "linux",
                "created": CREATED,
                "config": image["config"],
                "rootfs": {"type": "layers", "diff_ids": [f"sha256:{d}" for _, d in layers]},
                "history": [{"created": CREATED, "created_by": f"labctl testbed layer {os.path.basename(p)}"}
                            for p, _ in layers],
            }
            data = json.dumps(config, sort_keys=True, separators=(",", ":")).encode()
            config_name = hashlib.sha256(data).hexdigest() + ".json"
            tags = image.get("tags", [image["tag"]] if "tag" in image else [])
            for tag in tags:
                repo, _, name = tag.rpartition(":")
                repositories.setdefault(repo, {})[name] = config_name[:-len(".json")]
            configs.append((config_name, data))
            manifest.append({"Config": config_name, "RepoTags": tags,
                             "Layers": [f"{d}/layer.tar" for _, d in layers]})
        add_bytes(tar, "repositories", json.dumps(repositories, sort_keys=True).encode())
        for path, digest in digests.items():
            info = tar.gettarinfo(path, arcname=f"{digest}/layer.tar")
            info.mtime, info.uid, info.gid, info.uname, info.gname = 0, 0, 0, "", ""
            with open(path, "rb") as f:
                tar.addfile(info, f)
        written = set()
        for config_name, data in configs:
            if config_name not in written:
                add_bytes(tar, config_name, data)
                written.add(config_name)
        add_bytes(tar, "manifest.json", json.dumps(manifest, indent=1).encode())
    os.replace(tmp, out)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
