#!/usr/bin/env bash
# The one test command: set-up (wasm toolchain), the one build, then every test of the
# workspace, each phase reusing that build:
#   1. the build: the workspace's crates, binaries and test binaries, one feature set;
#   2. pallet-guardian's unit tests and benchmark tests (runtime-benchmarks, try-runtime: the
#      pallet and the FRAME crates under it, built a second time with those features);
#   3. everything else: the template runtime (natively and as wasm), the integration tests in
#      tests/ against it, the xcm-simulator tests, the agent's tests, and the multi-node tests
#      (four validators and a full node of the real guardian-node binary, tests/network);
#   4. the end-to-end tests: the dev node and the agent driven through @polkadot/api.
set -euo pipefail
source "$(dirname "$0")/common.sh"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
phase() { echo "== $1 ($(( $(date +%s) - t0 ))s)"; }
t0=$(date +%s)
{
	phase "the one build"
	build_once
	phase "pallet-guardian: unit and benchmark tests, try-state after each"
	cargo test -p pallet-guardian --locked --features runtime-benchmarks,try-runtime
	phase "the workspace's tests (runtime, integration, xcm-simulator, agent, multi-node)"
	cargo test "${WORKSPACE[@]}" --locked
	phase "end-to-end tests against the dev node"
	scripts/e2e.sh
	phase "done"
} 2>&1 | tee "$log"
# One closing line for the whole run (cargo's last line is often an empty doc-test suite).
awk '/^test result:/ { passed += $4; failed += $6 }
     /^ℹ pass / { passed += $3 } /^ℹ fail / { failed += $3 }
     END { printf "tests: %d passed, %d failed\n", passed, failed }' "$log"
