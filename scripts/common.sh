# Sourced by every script that builds: one target directory, the set-up, and the ONE build.
#
# Cargo unifies features over the packages a command selects, so `cargo build -p node` and
# `cargo test --workspace` compile the same crates twice under different feature sets. Every
# script therefore selects the same packages the same way ("$WORKSPACE") and builds libraries,
# binaries and tests in one command (`build_once`); later `cargo test "${WORKSPACE[@]}" …`
# commands, whatever tests they filter, only run what that build made.
#
# pallet-guardian alone is built a second time, with its benchmarks and try-state checks
# (`cargo test -p pallet-guardian --features runtime-benchmarks,try-runtime`): those features
# change FRAME's own crates, so they must never reach the node's build.
# shellcheck shell=bash
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/pallet-guardian/target}"
eval "$(scripts/setup.sh)"
WORKSPACE=(--workspace --exclude pallet-guardian)
build_once() {
	cargo build "${WORKSPACE[@]}" --all-targets --locked
}
# The multi-node tests (tests/network) against the guardian-node binary `build_once` made;
# arguments go to cargo test (e.g. `-- --nocapture`).
NETWORK_TEST=a_network_agrees_on_every_guardian_decision
network_tests() {
	GUARDIAN_NODE="$CARGO_TARGET_DIR/debug/guardian-node" \
		cargo test "${WORKSPACE[@]}" --locked --test "$NETWORK_TEST" "$@"
}
