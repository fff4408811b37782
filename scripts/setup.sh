#!/usr/bin/env bash
# Installs/checks everything the build and tests need on Debian 12 with only package registries
# reachable. Idempotent: a warm re-run takes seconds; a fresh machine about 15 min (two cargo installs).
#
#   source scripts/setup.sh --browser|--no-browser   # by serve.sh/test.sh (keeps exported PATH)
#   scripts/setup.sh [--browser]                     # just install
#
# --browser also installs Debian's Chromium + chromedriver (tests only). Pass an argument when
# sourcing: `source` without one would see the caller's arguments.
# Defines `step NAME`: announces a step; if the script then exits non-zero, "FAILED: NAME" is printed.
set -euo pipefail

CD_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$CD_ROOT"

CD_STEP="setup"
step() { CD_STEP="$1"; printf '==> %s\n' "$1"; }
# One EXIT trap reports the step that was running when anything failed (set -e stops there).
cd_on_exit() {
  local rc=$?
  [ "$rc" -eq 0 ] || printf 'FAILED: %s (exit %s)\n' "$CD_STEP" "$rc" >&2
}
trap cd_on_exit EXIT
die() { printf '%s\n' "$*" >&2; exit 1; }

# Root or sudo for apt-get.
apt_install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

# Tools installed by cargo live here; rustup usually puts it on PATH, but not in every shell.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

step "prerequisites (cargo, rustup, node, npm, C compiler)"
for t in cargo rustup node npm; do
  command -v "$t" >/dev/null || die "missing '$t': install rustup (Rust >= 1.88) and Node.js 20+ first"
done
# ring/cc-based crates (trunk's TLS, etc.) need a C compiler and linker.
command -v cc >/dev/null || apt_install build-essential pkg-config

step "rust components (wasm32 target, rustfmt, clippy)"
cd_targets="$(rustup target list --installed)"
grep -qx wasm32-unknown-unknown <<<"$cd_targets" || rustup target add wasm32-unknown-unknown
cd_components="$(rustup component list --installed)"
grep -q '^rustfmt' <<<"$cd_components" || rustup component add rustfmt
grep -q '^clippy' <<<"$cd_components" || rustup component add clippy

# Trunk runs with --offline (so a missing tool is a clear error, not a DNS failure) and passes
# --offline on to cargo, so every crate must be downloaded beforehand.
step "fetch crates (cargo fetch)"
cargo fetch --quiet

step "trunk 0.21"
case "$(trunk --version 2>/dev/null || true)" in
  "trunk 0.21."*) ;;
  *) echo "    installing trunk 0.21 (about 8 min)"
     cargo install trunk --version '~0.21' --locked ;;  # 0.22 needs a newer rustc
esac

step "wasm-bindgen-cli (must equal wasm-bindgen in Cargo.lock)"
# The [[package]] entry named exactly "wasm-bindgen" (not -macro, -shared, ...).
CD_WBG_VERSION="$(awk '/^\[\[package\]\]/ { p = 0 } $0 == "name = \"wasm-bindgen\"" { p = 1 }
  p && /^version = / { gsub(/"/, "", $3); print $3; exit }' Cargo.lock)"
[ -n "$CD_WBG_VERSION" ] || die "no wasm-bindgen package in Cargo.lock"
# Trunk only uses a PATH tool whose version equals [tools] in Trunk.toml: keep them in sync.
grep -q "^wasm_bindgen = \"$CD_WBG_VERSION\"" Trunk.toml ||
  die "Trunk.toml [tools] wasm_bindgen must be \"$CD_WBG_VERSION\" (the version in Cargo.lock)"
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $CD_WBG_VERSION" ] ||
   ! command -v wasm-bindgen-test-runner >/dev/null; then
  echo "    installing wasm-bindgen-cli $CD_WBG_VERSION (about 4 min)"
  # No --locked: the CLI's own lock file pins a crate version the registry no longer has.
  cargo install wasm-bindgen-cli --version "=$CD_WBG_VERSION"
fi

step "npm packages (playwright, axe-core, binaryen's wasm-opt)"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1  # its browser download is unreachable; we use Debian's
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
# binaryen 132 from npm; Debian's binaryen 108 silently breaks the app, so it must come first.
export PATH="$CD_ROOT/node_modules/.bin:$PATH"
case "$(wasm-opt --version 2>/dev/null || true)" in
  *"version 132"*) ;;
  *) die "wasm-opt 132 not found in node_modules/.bin (npm ci failed?)" ;;
esac

if [ "${1:-}" = "--browser" ]; then
  step "browser (Debian chromium + chromium-driver)"
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    apt_install chromium chromium-driver
  fi
  export CHROMEDRIVER=/usr/bin/chromedriver  # wasm-bindgen-test-runner looks for this first
fi

echo "==> tools ready"
