#!/usr/bin/env bash
# End-to-end tests: the one build (scripts/common.sh; the dev node and the guardian-watcher
# agent are among its binaries), the JS client from the lockfile, then tests/e2e against the
# real binaries (started and stopped by the tests, on loopback). Arguments go to `node --test`
# (e.g. `--test-name-pattern=...`).
set -euo pipefail
source "$(dirname "$0")/common.sh"
build_once
scripts/check-node.sh
cd tests/e2e
# Reproducible install from the committed lockfile; skipped when that lockfile is installed.
if ! cmp -s package-lock.json node_modules/.installed-from-lock; then
	npm ci --no-audit --no-fund
	cp package-lock.json node_modules/.installed-from-lock
fi
GUARDIAN_NODE="$CARGO_TARGET_DIR/debug/guardian-node" \
	GUARDIAN_WATCHER="$CARGO_TARGET_DIR/debug/guardian-watcher" \
	node --test --test-concurrency=1 --test-reporter=spec "$@"
