#!/usr/bin/env bash
# Idempotent set-up: `protoc` for the node's networking crates, and a wasm toolchain for the
# runtime build.
#
# Prints the environment the build needs on stdout (`eval "$(scripts/setup.sh)"`);
# progress goes to stderr. Order of preference:
#   1. the default rustup toolchain already has `wasm32v1-none` -> nothing to do;
#   2. a previously prepared Debian toolchain (`rustup toolchain link debian /usr`) whose
#      wasm32v1-none sysroot matches its rustc version -> reuse it;
#   3. `rustup target add wasm32v1-none` works (an ordinary developer machine) -> done;
#   4. otherwise (rustup cannot download, as on the CI machines): install Debian's
#      rustc-web toolchain with its library sources, build a wasm32v1-none sysroot of
#      core/alloc/compiler_builtins with embedded bitcode (the runtime is built with LTO),
#      link it as the `debian` toolchain and point substrate-wasm-builder at it.
# A second run with everything in place takes well under a second.
set -euo pipefail

log() { echo "[setup] $*" >&2; }
TARGET=wasm32v1-none
SYSROOT_LIB=/usr/lib/rustlib/$TARGET/lib
STAMP=/usr/lib/rustlib/$TARGET/.sysroot-rustc-version

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

debian_toolchain_ready() {
  rustup toolchain list 2>/dev/null | grep -q '^debian' || return 1
  [ -f "$STAMP" ] || return 1
  [ "$(cat "$STAMP")" = "$(rustc +debian -V 2>/dev/null)" ] || return 1
  ls "$SYSROOT_LIB"/libcore-*.rlib >/dev/null 2>&1 || return 1
  # rust-web-llvm's rust-lld is a symlink to lld-NN, a package of its own.
  [ -x "$(readlink -f /usr/bin/rust-lld)" ]
}

# 0. The node's networking (litep2p) compiles protobuf schemas at build time: it needs protoc.
if ! command -v protoc >/dev/null; then
  if command -v apt-get >/dev/null; then
    log "apt-get install protobuf-compiler (protoc, for the node's build)"
    as_root apt-get update -qq >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq protobuf-compiler >&2
  else
    log "protoc not found: install the protobuf compiler (the node's build needs it)"
    exit 1
  fi
fi

# 1. The default toolchain already targets wasm.
if rustup target list --installed 2>/dev/null | grep -qx "$TARGET"; then
  log "default toolchain has $TARGET"
  exit 0
fi

# 2. The Debian toolchain was prepared before.
if debian_toolchain_ready; then
  log "using the prepared Debian toolchain ($(rustc +debian -V))"
  echo "export WASM_BUILD_TOOLCHAIN=debian"
  exit 0
fi

# 3. An ordinary developer machine: rustup can download the target.
if [ -z "${GUARDIAN_SKIP_RUSTUP_TARGET:-}" ] && timeout 60 rustup target add "$TARGET" >&2 2>&1; then
  log "installed $TARGET with rustup"
  exit 0
fi

# 4. No downloads through rustup: Debian's toolchain plus a self-built sysroot.
log "rustup cannot add $TARGET; preparing Debian's rustc-web toolchain"
if ! command -v apt-get >/dev/null; then
  log "no apt-get: install the $TARGET target for your default toolchain (rustup target add $TARGET)"
  exit 1
fi
need_pkgs=()
for p in rustc-web cargo-web rust-web-src rust-web-llvm; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need_pkgs+=("$p")
done
if [ ${#need_pkgs[@]} -gt 0 ]; then
  log "apt-get install ${need_pkgs[*]}"
  as_root apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_pkgs[@]}" >&2
fi
# /usr/bin/rust-lld points at lld-NN (the LLVM version rustc-web is built with): install it.
lld=$(basename "$(readlink /usr/bin/rust-lld)")
if [ ! -x "/usr/bin/$lld" ]; then
  log "apt-get install $lld (the linker behind rust-lld)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$lld" >&2
fi
rustup toolchain list | grep -q '^debian' || rustup toolchain link debian /usr >&2

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/src"
cat >"$scratch/Cargo.toml" <<'TOML'
[package]
name = "wasm-sysroot"
version = "0.0.0"
edition = "2021"
[lib]
crate-type = ["rlib"]
[profile.release]
panic = "abort"
TOML
echo '#![no_std]' >"$scratch/src/lib.rs"
log "building the $TARGET sysroot (core, alloc) from Debian's library sources"
(cd "$scratch" && RUSTFLAGS="-C embed-bitcode=yes" RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$scratch/target" \
  cargo +debian build -q --release --target "$TARGET" -Zbuild-std=core,alloc >&2)
as_root mkdir -p "$SYSROOT_LIB"
as_root rm -f "$SYSROOT_LIB"/*.rlib
for lib in core alloc compiler_builtins; do
  as_root cp "$scratch"/target/$TARGET/release/deps/lib${lib}-*.rlib "$SYSROOT_LIB/"
done
rustc +debian -V | as_root tee "$STAMP" >/dev/null
# cargo does not notice a replaced sysroot: drop stale wasm builds.
tdir=${CARGO_TARGET_DIR:-}
if [ -n "$tdir" ] && [ -d "$tdir" ]; then
  rm -rf "$tdir"/*/wbuild/*/target
fi
log "Debian toolchain ready: $(rustc +debian -V)"
echo "export WASM_BUILD_TOOLCHAIN=debian"
