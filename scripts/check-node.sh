#!/usr/bin/env bash
# The end-to-end tests and the operator console need Node.js 20 or newer (node:test, fetch,
# WebSocket clients): say so plainly instead of failing inside npm.
set -euo pipefail
need=20
if ! command -v node >/dev/null; then
	echo "[setup] Node.js >= $need is needed for the end-to-end tests: not found (install nodejs)" >&2
	exit 1
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt "$need" ]; then
	echo "[setup] Node.js >= $need is needed for the end-to-end tests: found $(node -v)" >&2
	exit 1
fi
