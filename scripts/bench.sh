#!/usr/bin/env bash
# Benchmark command: prints figures for demo portfolio L, fails nothing on slow numbers.
# Native core, the core in wasm in Chromium, writing L to IndexedDB, cold open to the first
# customer-list render, and the release .wasm size (raw and gzip).
set -euo pipefail
# shellcheck source=scripts/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" --browser   # cds to the repo root

step "release build (scripts/build.sh)"
scripts/build.sh

step "native core benchmark (portfolio L)"
cargo run --quiet --release -p creditdesk-core --example bench

step "browser benchmark (portfolio L, Chromium)"
npx playwright test -c playwright.bench.config.mjs --reporter=list

step "release .wasm size"
for wasm in dist/*.wasm; do
  printf '%s: %s bytes raw, %s bytes gzip -9\n' "$wasm" "$(wc -c < "$wasm")" "$(gzip -9 -c "$wasm" | wc -c)"
done
