#!/usr/bin/env bash
# The one build (see scripts/common.sh): every crate of the workspace, its binaries and its
# test binaries, with one feature set. The other scripts run it first; warm, it takes seconds.
set -euo pipefail
source "$(dirname "$0")/common.sh"
build_once
