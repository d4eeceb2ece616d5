#!/usr/bin/env python3
"""Copy tests/downstream out of the workspace as a stand-alone crate, the way a dependent sees us.

    python3 scripts/downstream_copy.py DEST [--workspace DIR]

Every `name.workspace = true` dependency becomes the entry of the workspace's
[workspace.dependencies] table, with workspace crates as absolute `path` dependencies to DIR/crates
(default: this checkout). `edition.workspace = true` becomes the workspace's edition. DEST gets an
empty [workspace] table so it is its own workspace, and no Cargo.lock: the caller resolves afresh
(`cargo generate-lockfile`), as a dependent without our lock file does.
"""

import argparse
import shutil
import sys
import tomllib
from pathlib import Path


def toml_value(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + " }"
    return str(value)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dest", type=Path)
    parser.add_argument("--workspace", type=Path, default=Path(__file__).resolve().parent.parent)
    args = parser.parse_args()
    root = args.workspace.resolve()
    ws = tomllib.loads((root / "Cargo.toml").read_text())["workspace"]
    ws_deps = ws["dependencies"]

    src = root / "tests" / "downstream"
    dest = args.dest
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("target", "Cargo.lock"))

    manifest = tomllib.loads((src / "Cargo.toml").read_text())
    out = ["[package]"]
    for key, value in manifest["package"].items():
        if isinstance(value, dict) and value.get("workspace"):
            value = ws["package"][key]
        out.append(f"{key} = {toml_value(value)}")
    for table in ("dependencies", "dev-dependencies"):
        out.append(f"\n[{table}]")
        for name, spec in manifest.get(table, {}).items():
            if isinstance(spec, dict) and spec.get("workspace"):
                base = ws_deps[name]
                base = {"version": base} if isinstance(base, str) else dict(base)
                if "path" in base:
                    base = {"path": str(root / base["path"])}
                extra = {k: v for k, v in spec.items() if k != "workspace"}
                if "features" in extra:
                    base["features"] = sorted(set(base.get("features", [])) | set(extra.pop("features")))
                base.update(extra)
                spec = base
            out.append(f"{name} = {toml_value(spec)}")
    extra_tables = set(manifest) - {"package", "dependencies", "dev-dependencies"}
    if extra_tables:
        sys.exit(f"tests/downstream/Cargo.toml has tables this script does not copy: {sorted(extra_tables)}")
    out.append("\n[workspace]\n")
    (dest / "Cargo.toml").write_text("\n".join(out))


if __name__ == "__main__":
    main()
