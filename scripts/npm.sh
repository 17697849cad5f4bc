# Sourced by the scripts that run JS: a reproducible install of a package's dependencies from
# its committed lockfile, skipped when that lockfile is what is installed.
# shellcheck shell=bash
npm_ci() {
	if ! cmp -s "$1/package-lock.json" "$1/node_modules/.installed-from-lock"; then
		(cd "$1" && npm ci --no-audit --no-fund)
		cp "$1/package-lock.json" "$1/node_modules/.installed-from-lock"
	fi
}
