#!/usr/bin/env bash
# Serves the operator console on http://127.0.0.1:8090 (static pages; the browser connects to
# the node itself). Arguments go to console/serve.mjs: `--port N`, `--host ADDR` (loopback
# unless told), `--rpc ws://...` (the endpoint the printed link opens).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/npm.sh
scripts/check-node.sh
npm_ci console
exec node console/serve.mjs "$@"
