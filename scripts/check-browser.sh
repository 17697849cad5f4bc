#!/usr/bin/env bash
# The operator console's browser test drives a real headless Chromium through puppeteer-core
# (which downloads no browser): Debian's `chromium` package, or the browser at $CHROMIUM.
# Installs the package where apt-get can, as scripts/setup.sh does for protoc.
set -euo pipefail
browser="${CHROMIUM:-/usr/bin/chromium}"
if [ -x "$browser" ]; then
	exit 0
fi
if [ -z "${CHROMIUM:-}" ] && command -v apt-get >/dev/null; then
	as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
	echo "[setup] apt-get install chromium (headless, for the operator console's browser test)" >&2
	as_root apt-get update -qq >&2
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
	exit 0
fi
echo "[setup] no browser at $browser: install Chromium (Debian: apt-get install chromium) or set CHROMIUM" >&2
exit 1
