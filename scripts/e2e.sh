#!/usr/bin/env bash
# End-to-end tests: the one build (scripts/common.sh; the dev node and the guardian-watcher
# agent are among its binaries), the JS client and the console's bundles from their lockfiles,
# then tests/e2e against the real binaries and, in Debian's headless Chromium, the operator
# console (all started and stopped by the tests, on loopback). Arguments go to `node --test`
# (e.g. `--test-name-pattern=...`, or a test file such as `console.test.mjs`).
set -euo pipefail
source "$(dirname "$0")/common.sh"
source scripts/npm.sh
build_once
scripts/check-node.sh
scripts/check-browser.sh
npm_ci console
npm_ci tests/e2e
cd tests/e2e
GUARDIAN_NODE="$CARGO_TARGET_DIR/debug/guardian-node" \
	GUARDIAN_WATCHER="$CARGO_TARGET_DIR/debug/guardian-watcher" \
	node --test --test-concurrency=1 --test-reporter=spec "$@"
