#!/usr/bin/env bash
# The dev node: set-up (wasm toolchain), the one build (scripts/common.sh: the node with the
# rest of the workspace, so that the tests later reuse it), and start it with --dev
# (JSON-RPC on ws://127.0.0.1:9944 with the CORS polkadot.js apps needs, a temporary database
# unless --base-path is given, a block every 3 s unless --consensus says otherwise).
# Extra arguments go to the node, e.g. `scripts/dev-node.sh --consensus instant-seal` or
# `scripts/dev-node.sh --base-path ./chain-data`.
set -euo pipefail
source "$(dirname "$0")/common.sh"
build_once
exec "$CARGO_TARGET_DIR/debug/guardian-node" --dev "$@"
