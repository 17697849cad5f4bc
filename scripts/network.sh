#!/usr/bin/env bash
# The multi-node tests: build the node, then run tests/network (zombienet-sdk, native
# provider) against the real guardian-node binary — four Aura/GRANDPA validators and a full
# node on 127.0.0.1, torn down at the end (also on failure).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/pallet-guardian/target}"
eval "$(scripts/setup.sh)"
cargo build -p guardian-node
GUARDIAN_NODE="$CARGO_TARGET_DIR/debug/guardian-node" \
	cargo test -p guardian-network-tests -- --nocapture
