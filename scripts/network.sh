#!/usr/bin/env bash
# The multi-node tests alone (scripts/test.sh runs them in the background, alongside the
# tests): the one build, then tests/network (zombienet-sdk, native provider) against the real
# guardian-node binary — four Aura/GRANDPA validators and a full node on 127.0.0.1, torn down
# at the end (also on failure).
set -euo pipefail
source "$(dirname "$0")/common.sh"
build_once
network_tests -- --nocapture
