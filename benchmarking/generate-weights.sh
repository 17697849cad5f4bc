#!/usr/bin/env bash
# Regenerate the guardian's weights from frame-benchmarking, with the standard CLI
# (`frame-omni-bencher v1 benchmark pallet`) run against the template runtime's wasm built with
# `runtime-benchmarks`. Writes pallets/guardian/src/weights.rs (with the CLI's header).
#
#   benchmarking/generate-weights.sh            # steps 50, repeat 20
#   STEPS=2 REPEAT=1 benchmarking/generate-weights.sh   # a quick smoke run
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS="${GUARDIAN_TOOLS:-$HOME/.cache/pallet-guardian/tools}"
BENCH_TARGET="${BENCH_TARGET_DIR:-$HOME/.cache/pallet-guardian/bench-target}"
STEPS="${STEPS:-50}"
REPEAT="${REPEAT:-20}"
eval "$(scripts/setup.sh)"

# frame-omni-bencher of the same polkadot-sdk release (stable2609). Its sc-cli builds RocksDB,
# which needs libclang.
if [ ! -x "$TOOLS/bin/frame-omni-bencher" ]; then
	if ! ls /usr/lib/llvm-*/lib/libclang.so >/dev/null 2>&1 && command -v apt-get >/dev/null; then
		apt-get install -y -qq libclang-dev >&2
	fi
	# It builds a test runtime to wasm too: the set-up above provides the toolchain.
	CARGO_TARGET_DIR="$HOME/.cache/pallet-guardian/omni-target" \
		cargo install frame-omni-bencher --version 0.28.0 --locked --root "$TOOLS"
fi

# The runtime with its benchmarks, in a target dir of its own so that the test builds keep
# their (benchmark-free) wasm.
CARGO_TARGET_DIR="$BENCH_TARGET" cargo build -p guardian-runtime --features runtime-benchmarks
wasm="$BENCH_TARGET/debug/wbuild/guardian-runtime/guardian_runtime.wasm"

"$TOOLS/bin/frame-omni-bencher" v1 benchmark pallet \
	--runtime "$wasm" \
	--pallet pallet_guardian --extrinsic '*' \
	--steps "$STEPS" --repeat "$REPEAT" \
	--template benchmarking/pallet-weight-template.hbs \
	--header benchmarking/HEADER.txt \
	--output pallets/guardian/src/weights.rs
