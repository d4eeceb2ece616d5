#!/usr/bin/env bash
# Build and test tests/downstream the way a dependent does: a crate outside this workspace with
# path dependencies on the workspace crates, a fresh dependency resolve (no Cargo.lock of ours,
# so the newest semver-compatible releases, e.g. a rustls that deprecates something we call) and
# RUSTFLAGS="-D warnings". `cargo ... --locked` in the workspace cannot see such breakage.
#
# The target directory (target/downstream-fresh) is kept between runs so a warm machine only
# rebuilds what changed; its RUSTFLAGS differ from the workspace's, so it is not shared with it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 "$root/scripts/downstream_copy.py" "$work/downstream"
cd "$work/downstream"
cargo generate-lockfile -q
grep -A1 '^name = "rustls"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/fresh resolve: rustls \1/p'

export RUSTFLAGS="-D warnings"
export CARGO_TARGET_DIR="${DOWNSTREAM_TARGET_DIR:-$root/target/downstream-fresh}"
cargo build --locked -q
cargo test --locked -q
