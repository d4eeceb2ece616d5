#!/usr/bin/env python3
"""Checks the declared rust-version against every locked dependency, without a second toolchain.

Usage: cargo metadata --format-version 1 --locked | python3 scripts/check_msrv.py

The workspace declares `rust-version` once; every published member must carry it, and no package in the
resolved graph may declare a newer one (such a dependency would not build on the declared
toolchain). Uses of std items newer than `rust-version` in our own code are caught by clippy's
`incompatible_msrv` lint, which `cargo clippy -- -D warnings` already denies. A real build with
that toolchain (`cargo +1.88 check --workspace`) is stronger, but this machine cannot fetch one.
"""

import json
import sys


def version(text):
    parts = [int(p) for p in text.split(".")]
    return tuple(parts + [0] * (3 - len(parts)))


def main():
    metadata = json.load(sys.stdin)
    members = set(metadata["workspace_members"])
    # Unpublished members (`publish = false`: the tests package, xtask) need not declare it.
    published = [
        p for p in metadata["packages"] if p["id"] in members and p.get("publish") != []
    ]
    declared = {p["rust_version"] for p in published}
    if len(declared) != 1 or None in declared:
        print(f"workspace members declare rust-version {sorted(map(str, declared))}; expected one")
        return 1
    msrv = declared.pop()
    newer = [
        f"{p['name']} {p['version']} needs Rust {p['rust_version']}"
        for p in metadata["packages"]
        if p.get("rust_version") and version(p["rust_version"]) > version(msrv)
    ]
    for line in newer:
        print(line)
    print(f"rust-version {msrv}: {len(metadata['packages'])} packages checked, {len(newer)} need a newer Rust")
    return 1 if newer else 0


if __name__ == "__main__":
    sys.exit(main())
