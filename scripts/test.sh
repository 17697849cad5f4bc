#!/usr/bin/env bash
# The one test command: set-up (wasm toolchain), then every test of the workspace.
#   1. pallet-guardian's unit tests and benchmark tests (runtime-benchmarks, try-runtime);
#   2. everything else: the template runtime (built natively and to wasm) and the
#      integration tests in tests/ against it.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/pallet-guardian/target}"
eval "$(scripts/setup.sh)"
cargo test -p pallet-guardian --features runtime-benchmarks,try-runtime
cargo test --workspace --exclude pallet-guardian
