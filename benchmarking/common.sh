# Shared by generate-weights.sh and report.sh (sourced, not run): the benchmark CLI and the
# runtime's wasm built with `runtime-benchmarks`.
TOOLS="${GUARDIAN_TOOLS:-$HOME/.cache/pallet-guardian/tools}"
BENCH_TARGET="${BENCH_TARGET_DIR:-$HOME/.cache/pallet-guardian/bench-target}"
OMNI="$TOOLS/bin/frame-omni-bencher"
eval "$(scripts/setup.sh)"

# frame-omni-bencher of the same polkadot-sdk release (stable2609). Its sc-cli builds RocksDB,
# which needs libclang; the build takes about 40 minutes on 2 cores, once.
ensure_omni() {
	[ -x "$OMNI" ] && return
	if ! ls /usr/lib/llvm-*/lib/libclang.so >/dev/null 2>&1 && command -v apt-get >/dev/null; then
		apt-get install -y -qq libclang-dev >&2
	fi
	# It builds a test runtime to wasm too: the set-up above provides the toolchain.
	CARGO_TARGET_DIR="$HOME/.cache/pallet-guardian/omni-target" \
		cargo install frame-omni-bencher --version 0.28.0 --locked --root "$TOOLS"
}

# build_runtime FEATURES NAME: the runtime with `runtime-benchmarks` and FEATURES, in a target
# dir of its own (the test builds keep their benchmark-free wasm); prints the path of a copy
# of its wasm named NAME, which a later build with other features does not overwrite.
build_runtime() {
	# A failed build fails the caller's `$(build_runtime …)` (and with it the script).
	CARGO_TARGET_DIR="$BENCH_TARGET" cargo build -p guardian-runtime \
		--features "runtime-benchmarks${1:+,$1}" >&2 || return 1
	cp "$BENCH_TARGET/debug/wbuild/guardian-runtime/guardian_runtime.wasm" \
		"$BENCH_TARGET/$2.wasm" || return 1
	echo "$BENCH_TARGET/$2.wasm"
}
