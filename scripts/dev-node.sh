#!/usr/bin/env bash
# The dev node: set-up (wasm toolchain), build, and start it with --dev
# (JSON-RPC on ws://127.0.0.1:9944 with the CORS polkadot.js apps needs, a temporary database
# unless --base-path is given, a block every 3 s unless --consensus says otherwise).
# Extra arguments go to the node, e.g. `scripts/dev-node.sh --consensus instant-seal` or
# `scripts/dev-node.sh --base-path ./chain-data`.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/pallet-guardian/target}"
eval "$(scripts/setup.sh)"
cargo build -p guardian-node
exec "$CARGO_TARGET_DIR/debug/guardian-node" --dev "$@"
