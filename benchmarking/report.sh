#!/usr/bin/env bash
# The guardian's measured cost: builds the template runtime twice with `runtime-benchmarks`,
# with the guardian and without it (feature `without-guardian`), runs the same frame-benchmarking
# benchmarks on both, alternating, in one run, and writes benchmarking/REPORT.md from the raw
# results (benchmarking/report.py). Absolute times on a shared machine are noisy; the report
# gives ratios of figures measured side by side.
#
#   benchmarking/report.sh                     # 5 rounds, 100 repetitions each
#   ROUNDS=2 REPEAT=20 benchmarking/report.sh  # quicker, noisier
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${ROUNDS:-5}"
REPEAT="${REPEAT:-100}"
OUT="${REPORT_DIR:-$HOME/.cache/pallet-guardian/report}"
# shellcheck source=benchmarking/common.sh
source benchmarking/common.sh
ensure_omni
without=$(build_runtime without-guardian guardian-runtime-without)
with=$(build_runtime "" guardian-runtime)
rm -rf "$OUT" && mkdir -p "$OUT"

# bench NAME WASM PRESET PALLET EXTRINSICS STEPS
bench() {
	echo "[report] $1" >&2
	"$OMNI" v1 benchmark pallet --runtime "$2" --genesis-builder-preset "$3" \
		--pallet "$4" --extrinsic "$5" --steps "$6" --repeat "$REPEAT" \
		--no-storage-info --json-file "$OUT/$1.json" >"$OUT/$1.log" 2>&1
}

for round in $(seq 1 "$ROUNDS"); do
	# transfer_keep_alive between unguarded accounts, with and without the guardian; then
	# from a guarded account (`guarded-benchmark`: the caller under a policy and a global cap
	# of the most windows, 500 other accounts guarded).
	bench "with-$round" "$with" development pallet_balances transfer_keep_alive 2
	bench "without-$round" "$without" development pallet_balances transfer_keep_alive 2
	bench "guarded-$round" "$with" guarded-benchmark pallet_balances transfer_keep_alive 2
	# The hook with nothing to do, with no policy and with 501 policies stored.
	bench "idle-$round" "$with" development pallet_guardian on_initialize_idle 2
	bench "idle-policies-$round" "$with" guarded-benchmark pallet_guardian on_initialize_idle 2
done
# The hook's worst case and growth, the filter, and the per-transaction checks.
bench guardian "$with" development pallet_guardian \
	on_initialize_expire,check_paused_none,check_paused,check_velocity,ledger_debit_unguarded,ledger_debit_guarded,ledger_debit_guarded_response,observe_fire 20

# What a wallet shows for an unguarded transfer, and what it pays, on the dev node.
echo "[report] fee on the dev node" >&2
GUARDIAN_FEE_REPORT="$OUT/fee.json" scripts/e2e.sh \
	--test-name-pattern='the fee a wallet shows' >"$OUT/fee.log" 2>&1

python3 benchmarking/report.py "$OUT" "$ROUNDS" "$REPEAT" >benchmarking/REPORT.md
echo "[report] wrote benchmarking/REPORT.md from $OUT" >&2
