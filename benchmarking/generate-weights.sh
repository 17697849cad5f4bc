#!/usr/bin/env bash
# Regenerate the weights from frame-benchmarking, with the standard CLI
# (`frame-omni-bencher v1 benchmark pallet`) run against the template runtime's wasm built with
# `runtime-benchmarks`:
# * pallets/guardian/src/weights.rs (the pallet's `WeightInfo`, its `SubstrateWeight<T>` and
#   `()`), from pallet-weight-template.hbs;
# * runtime/src/weights/<pallet>.rs for the runtime's pallets in $RUNTIME_PALLETS, from the
#   CLI's own template. pallet-balances is measured with the guardian's ledger guard as its
#   account store, utility, proxy and multisig with the guardian's call filter.
# Every generated file carries the CLI's header (version, date, machine, command).
#
#   benchmarking/generate-weights.sh            # steps 50, repeat 20
#   STEPS=2 REPEAT=1 benchmarking/generate-weights.sh   # a quick smoke run
#   RUNTIME_PALLETS= benchmarking/generate-weights.sh   # pallet-guardian only
set -euo pipefail
cd "$(dirname "$0")/.."
STEPS="${STEPS:-50}"
REPEAT="${REPEAT:-20}"
RUNTIME_PALLETS="${RUNTIME_PALLETS-pallet_balances pallet_utility pallet_proxy pallet_multisig}"
# shellcheck source=benchmarking/common.sh
source benchmarking/common.sh
ensure_omni
wasm=$(build_runtime "" guardian-runtime)

bench() {
	"$OMNI" v1 benchmark pallet --runtime "$wasm" --extrinsic '*' \
		--steps "$STEPS" --repeat "$REPEAT" --header benchmarking/HEADER.txt "$@"
}

bench --pallet pallet_guardian --template benchmarking/pallet-weight-template.hbs \
	--output pallets/guardian/src/weights.rs
for pallet in $RUNTIME_PALLETS; do
	bench --pallet "$pallet" --output "runtime/src/weights/$pallet.rs"
done
