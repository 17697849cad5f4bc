#!/usr/bin/env bash
# The one test command: set-up (wasm toolchain), then every test of the workspace.
#   1. pallet-guardian's unit tests and benchmark tests (runtime-benchmarks, try-runtime);
#   2. everything else: the template runtime (built natively and to wasm) and the
#      integration tests in tests/ against it;
#   3. the end-to-end tests: the dev node binary driven through @polkadot/api (scripts/e2e.sh);
#   4. the multi-node tests: four validators and a full node (scripts/network.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/pallet-guardian/target}"
eval "$(scripts/setup.sh)"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
{
  cargo test -p pallet-guardian --features runtime-benchmarks,try-runtime
  cargo test --workspace --exclude pallet-guardian --exclude guardian-network-tests
  scripts/e2e.sh
  scripts/network.sh
} 2>&1 | tee "$log"
# One closing line for the whole run (cargo's last line is often an empty doc-test suite).
awk '/^test result:/ { passed += $4; failed += $6 }
     /^ℹ pass / { passed += $3 } /^ℹ fail / { failed += $3 }
     END { printf "tests: %d passed, %d failed\n", passed, failed }' "$log"
