#!/usr/bin/env bash
# A local network of the template chain: validators Alice, Bob, Charlie and Dave (Aura block
# production, GRANDPA finality) and the full node Eve, on 127.0.0.1, launched by zombienet-sdk
# with the real guardian-node binary. Prints each node's JSON-RPC address; Ctrl-C stops them.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/pallet-guardian/target}"
eval "$(scripts/setup.sh)"
cargo build -p guardian-node -p guardian-network-tests --bin guardian-node --bin local-network
GUARDIAN_NODE="$CARGO_TARGET_DIR/debug/guardian-node" exec "$CARGO_TARGET_DIR/debug/local-network"
