#!/usr/bin/env bash
# End-to-end tests: build the dev node and the guardian-watcher agent, install the JS client
# from the lockfile, and run tests/e2e against the real binaries (started and stopped by the
# tests, on loopback). Arguments go to `node --test` (e.g. `--test-name-pattern=...`).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/pallet-guardian/target}"
eval "$(scripts/setup.sh)"
cargo build -p guardian-node -p guardian-watcher
cd tests/e2e
# Reproducible install from the committed lockfile; skipped when that lockfile is installed.
if ! cmp -s package-lock.json node_modules/.installed-from-lock; then
	npm ci --no-audit --no-fund
	cp package-lock.json node_modules/.installed-from-lock
fi
GUARDIAN_NODE="$CARGO_TARGET_DIR/debug/guardian-node" \
	GUARDIAN_WATCHER="$CARGO_TARGET_DIR/debug/guardian-watcher" \
	node --test --test-concurrency=1 --test-reporter=spec "$@"
