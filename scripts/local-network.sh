#!/usr/bin/env bash
# A local network of the template chain: validators Alice, Bob, Charlie and Dave (Aura block
# production, GRANDPA finality) and the full node Eve, on 127.0.0.1, launched by zombienet-sdk
# with the real guardian-node binary. Prints each node's JSON-RPC address; Ctrl-C stops them.
set -euo pipefail
source "$(dirname "$0")/common.sh"
build_once
GUARDIAN_NODE="$CARGO_TARGET_DIR/debug/guardian-node" exec "$CARGO_TARGET_DIR/debug/local-network"
