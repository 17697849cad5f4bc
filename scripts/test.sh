#!/usr/bin/env bash
# The one test command: set-up (wasm toolchain), the one build, then every test of the
# workspace, each phase reusing that build:
#   1. the build: the workspace's crates, binaries and test binaries, one feature set;
#   2. pallet-guardian's unit tests and benchmark tests (runtime-benchmarks, try-runtime: the
#      pallet and the FRAME crates under it, built a second time with those features);
#   3. the multi-node tests (four validators and a full node of the real guardian-node binary,
#      tests/network) start in the background: they spend six minutes waiting on block
#      production and finality with both cores mostly idle, so phases 4 and 5 run alongside
#      (after the pallet's build, which would take the cores from the nodes);
#   4. everything else: the template runtime (natively and as wasm), the integration tests in
#      tests/ against it, the xcm-simulator tests, the agent's tests, the guide's runtime;
#   5. the end-to-end tests: the dev node and the agent driven through @polkadot/api, and the
#      operator console in headless Chromium;
#   6. the multi-node tests are waited for; their output is printed here, in one piece.
# Every phase's nodes listen on 127.0.0.1 on free ports, so the overlapping phases never meet.
set -euo pipefail
source "$(dirname "$0")/common.sh"
log=$(mktemp)
network_log=$(mktemp)
trap 'rm -f "$log" "$network_log"' EXIT
phase() { echo "== $1 ($(( $(date +%s) - t0 ))s)"; }
t0=$(date +%s)
{
	network_pid=
	stop_network() {
		# The background job leads its own process group: stop it and its nodes.
		if [ -n "$network_pid" ]; then
			kill -- -"$network_pid" 2>/dev/null || kill "$network_pid" 2>/dev/null || true
			wait "$network_pid" 2>/dev/null || true
		fi
	}
	# In this block (a subshell of the pipe), so a failing phase also stops the nodes.
	trap stop_network EXIT
	phase "the one build"
	build_once
	phase "pallet-guardian: unit and benchmark tests, try-state after each"
	cargo test -p pallet-guardian --locked --features runtime-benchmarks,try-runtime
	phase "the multi-node tests, in the background (their output follows the end-to-end tests)"
	# Job control (set -m) puts the job in a process group of its own, led by network_pid.
	set -m
	network_tests >"$network_log" 2>&1 &
	network_pid=$!
	set +m
	phase "the workspace's tests (runtime, integration, xcm-simulator, agent, guide)"
	cargo test "${WORKSPACE[@]}" --locked -- --skip "$NETWORK_TEST"
	phase "end-to-end tests against the dev node"
	scripts/e2e.sh
	phase "the multi-node tests (started after the pallet's tests): waited for"
	network_rc=0
	wait "$network_pid" || network_rc=$?
	network_pid=
	cat "$network_log"
	if [ "$network_rc" -ne 0 ]; then
		echo "the multi-node tests failed (exit $network_rc)"
		exit "$network_rc"
	fi
	phase "done"
} 2>&1 | tee "$log"
# One closing line for the whole run (cargo's last line is often an empty doc-test suite).
awk '/^test result:/ { passed += $4; failed += $6 }
     /^ℹ pass / { passed += $3 } /^ℹ fail / { failed += $3 }
     END { printf "tests: %d passed, %d failed\n", passed, failed }' "$log"
